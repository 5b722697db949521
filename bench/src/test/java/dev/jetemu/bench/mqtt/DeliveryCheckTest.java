package dev.jetemu.bench.mqtt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCheckTest {

    private final DeliveryCheck check = new DeliveryCheck(4);

    @Test
    void everyEventOnceAndInOrderIsComplete() {
        for (int i = 0; i < 4; i++) {
            assertThat(check.accept(i, false, "t" + i)).isTrue();
        }

        assertThat(check.complete()).isTrue();
        assertThat(check.missing()).isZero();
        assertThat(check.problem(false)).isEmpty();
    }

    @Test
    void aResendFlaggedDupIsCountedButNotAFault() {
        check.accept(0, false, "t0");
        check.accept(1, false, "t1");

        assertThat(check.accept(1, true, "t1")).isFalse();
        check.accept(2, false, "t2");
        check.accept(3, false, "t3");

        assertThat(check.resends()).isEqualTo(1);
        assertThat(check.received()).isEqualTo(5);
        assertThat(check.problem(false)).isEmpty();
    }

    @Test
    void aCopyWithoutTheDupFlagIsADuplicate() {
        check.accept(0, false, "t0");
        check.accept(0, false, "t0");

        assertThat(check.problem(false)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("received 1 of 4 events (3 LOST)", "1 duplicates", "first: #0 arrived twice"));
    }

    @Test
    void aResendThatOvertakesTheOriginalMakesTheOriginalADuplicateAndSaysHowEachCopyCame() {
        check.accept(0, false, "t0", 1);
        check.accept(2, true, "t2", 3);
        check.accept(1, false, "t1", 2);
        check.accept(2, false, "t2", 3);
        check.accept(3, false, "t3", 4);

        assertThat(check.complete()).isTrue();
        assertThat(check.resends()).isZero();
        assertThat(check.problem(false)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("1 duplicates", "1 out of order", "1 gaps",
                        "first: #0 was followed by #2 (packet id 3, DUP)"));
        DeliveryCheck again = new DeliveryCheck(2);
        again.accept(0, true, "t0", 9);
        again.accept(0, false, "t0", 9);
        assertThat(again.problem(false)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("#0 arrived twice (packet id 9, not DUP; the first copy packet id 9, DUP)"));
    }

    @Test
    void anEventThatStepsBackIsOutOfOrderEvenWhenLossIsAllowed() {
        check.accept(0, false, "t0");
        check.accept(2, false, "t2");
        check.accept(1, false, "t1");
        check.accept(3, false, "t3");

        assertThat(check.complete()).isTrue();
        assertThat(check.problem(true)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("1 out of order", "first: #0 was followed by #2"));
    }

    @Test
    void lossIsAProblemUnlessTheBrokerDropsByDesign() {
        check.accept(0, false, "t0");
        check.accept(3, false, "t3");

        assertThat(check.missing()).isEqualTo(2);
        assertThat(check.problem(false)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("received 2 of 4 events (2 LOST)", "1 gaps"));
        assertThat(check.problem(true)).isEmpty();
    }

    @Test
    void aMessageOnATopicNotPublishedAndAWrongPayloadAreProblems() {
        assertThat(check.accept(-1, false, "/elsewhere")).isFalse();
        check.accept(0, false, "t0");
        check.unreadable(0, "the payload differs from the one published");

        assertThat(check.problem(true)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("1 not published", "1 with a payload other than published",
                        "first: a message on /elsewhere, which was not published"));
    }
}
