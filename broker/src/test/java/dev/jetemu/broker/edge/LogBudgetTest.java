package dev.jetemu.broker.edge;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LogBudgetTest {

    @Test
    void aFewLinesPerWindowThenTheNextOneSaysHowManyWereHeldBack() {
        AtomicLong now = new AtomicLong(1_000);
        LogBudget budget = new LogBudget(3, 100, now::get);

        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(budget.take()).isEqualTo(LogBudget.DENIED);
        }
        now.addAndGet(99);
        assertThat(budget.take()).as("the window is not over").isEqualTo(LogBudget.DENIED);

        now.addAndGet(1);
        assertThat(budget.take()).as("held back: 6").isEqualTo(6);
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isZero();
        assertThat(budget.take()).isEqualTo(LogBudget.DENIED);
    }
}
