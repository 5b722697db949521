package dev.jetemu.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GcLogTest {

    @Test
    void thePeakIsTheMostBeforeACollectionOrAtExitAndTheLiveBoundTheMostAfter() {
        GcLog log = GcLog.parse(List.of(
                "[0.006s][info][gc] Using G1",
                "[2.139s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 35.976ms",
                "[3.455s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 140M->98M(256M) 8.1ms",
                "[3.500s][info][gc] GC(2) Concurrent Mark Cycle",
                "[3.601s][info][gc] GC(2) Pause Remark 120M->101M(256M) 2.0ms",
                "[4.957s][info][gc,heap,exit] Heap",
                "[4.957s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 131072K [0x00000000f0000000, "
                        + "0x0000000100000000)"));

        assertThat(log.peakUsedBytes()).isEqualTo(140L * 1024 * 1024);
        assertThat(log.maxAfterGcBytes()).isEqualTo(101L * 1024 * 1024);
        assertThat(log.collections()).isEqualTo(3);
    }

    @Test
    void withoutACollectionThePeakIsWhatTheHeapHeldAtExit() {
        GcLog log = GcLog.parse(List.of("[0.006s][info][gc] Using G1",
                "[0.9s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 20480K [0x0, 0x1)"));

        assertThat(log.peakUsedBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(log.maxAfterGcBytes()).isZero();
        assertThat(log.collections()).isZero();
    }
}
