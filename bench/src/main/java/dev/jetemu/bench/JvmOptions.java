package dev.jetemu.bench;

import java.util.List;

/**
 * Options for the device JVMs (jetemu's and Moquette's, in the throughput, latency and edge
 * sections) from {@value #VARIABLE}, split on spaces: none by default, as {@code ./jetemu} runs
 * without JAVA_OPTS. Meant for profiling (a flight recording, for example); the report names them
 * when set.
 */
final class JvmOptions {

    static final String VARIABLE = "JETEMU_BENCH_JVM_OPTS";

    private JvmOptions() {
    }

    static List<String> devices() {
        String options = System.getenv(VARIABLE);
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }
}
