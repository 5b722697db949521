package dev.jetemu.broker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this JVM, broker included, holds now: heap in use after a full collection, live threads,
 * open file descriptors (-1 where {@code /proc/self/fd} does not exist).
 */
record ProcessResources(long heapUsedBytes, int threads, int openFiles) {

    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    static ProcessResources measure() {
        // Two collections: the first may leave objects whose finalization or cleaning the second frees.
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ProcessResources(heap, ManagementFactory.getThreadMXBean().getThreadCount(), countOpenFiles());
    }

    static int countOpenFiles() {
        if (!Files.isDirectory(OPEN_FILES)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(OPEN_FILES)) {
            return (int) files.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            return -1;
        }
    }

    long heapUsedMiB() {
        return heapUsedBytes / (1024 * 1024);
    }

    @Override
    public String toString() {
        return String.format("heap %d MiB, %d threads, %d open files", heapUsedMiB(), threads, openFiles);
    }
}
