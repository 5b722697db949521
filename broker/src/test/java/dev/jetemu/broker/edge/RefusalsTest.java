package dev.jetemu.broker.edge;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal is counted; the log takes the first few in each window and then says how many it left out. */
class RefusalsTest {

    private final Logger access = (Logger) LoggerFactory.getLogger("dev.jetemu.broker.access");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Refusal> counted = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final Refusals refusals = new Refusals(new AccessListener() {
        @Override
        public void refused(InetSocketAddress peer, Refusal refusal) {
            counted.add(refusal);
        }
    }, new LogBudget(3, 1_000, now::get));

    @BeforeEach
    void capture() {
        appender.start();
        access.addAppender(appender);
    }

    @AfterEach
    void release() {
        access.detachAppender(appender);
    }

    @Test
    void countsEveryRefusalAndLogsTheFirstFewOfEachWindow() {
        InetSocketAddress peer = new InetSocketAddress("127.0.0.2", 40000);
        for (int i = 0; i < 10; i++) {
            refusals.refused(peer, Refusal.ALLOW_CLIENTS, "Refused a connection from {}: attempt {}", "127.0.0.2", i);
        }
        now.addAndGet(1_000);
        refusals.refused(peer, Refusal.BAD_CREDENTIALS, "Refused client {}", "app");

        assertThat(counted).hasSize(11);
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Refused a connection from 127.0.0.2: attempt 0",
                "Refused a connection from 127.0.0.2: attempt 1",
                "Refused a connection from 127.0.0.2: attempt 2",
                "Refused client app (7 more refusals since the last line were not logged)");
        assertThat(appender.list).extracting(event -> event.getLevel().toString()).containsOnly("WARN");
    }
}
