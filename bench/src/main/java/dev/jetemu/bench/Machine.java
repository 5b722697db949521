package dev.jetemu.bench;

import dev.jetemu.bench.process.MosquittoProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine the figures were measured on: they mean little without it.
 *
 * @param cpuModel     "model name" from /proc/cpuinfo
 * @param cores        processors the JVM may use
 * @param memoryBytes  MemTotal from /proc/meminfo
 * @param os           kernel name and release
 * @param java         the JVM that ran the harness, jetemu and Moquette
 * @param mosquitto    first line of {@code mosquitto -h}
 */
record Machine(String cpuModel, int cores, long memoryBytes, String os, String java, String mosquitto) {

    static Machine describe(Path mosquittoExecutable) {
        String cpu = field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown");
        long memory = field(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replace("kB", "").trim()) * 1024).orElse(0L);
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory, os, java,
                MosquittoProcess.version(mosquittoExecutable));
    }

    private static Optional<String> field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Netty's version, as its jar's manifest says: the harness's clients, and jetemu's and Moquette's network layer. */
    static String nettyVersion() {
        String version = io.netty.channel.Channel.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    String memory() {
        return String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024));
    }
}
