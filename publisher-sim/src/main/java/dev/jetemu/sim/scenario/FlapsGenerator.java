package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;
import dev.jetemu.diagnostics.YamlScalar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code flaps-generate}: links going down and coming back up, many times, on interfaces chosen
 * from a seed. Each flap is an {@code interface-down}, a wait of {@code down-for}, an
 * {@code interface-up}, and (but after the last) a wait of {@code interval}; {@code jitter} adds up
 * to that much to each wait. The same seed gives the same flaps, and they are made as the run
 * reaches them ({@link Generated}).
 */
final class FlapsGenerator {

    static final String KEYWORD = "flaps-generate";
    /** A flap is four steps; a million of them is hours of flapping at any sensible pace. */
    static final int MAX_COUNT = 1_000_000;

    private static final String INTERFACES = "interfaces";
    private static final String COUNT = "count";
    private static final String DOWN_FOR = "down-for";
    private static final String INTERVAL = "interval";
    private static final String JITTER = "jitter";
    private static final String SEED = "seed";
    private static final List<String> FIELDS = List.of(INTERFACES, COUNT, DOWN_FOR, INTERVAL, JITTER, SEED);

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final String INTERFACES_EXPECTATION = "an interface name such as ge-0/0/1, or a list of them";
    private static final String COUNT_EXPECTATION = "a whole number of flaps from 1 to " + MAX_COUNT;

    private FlapsGenerator() {
    }

    static List<StepType> types() {
        return List.of(StepType.of(KEYWORD, FIELDS, FlapsGenerator::build));
    }

    private static List<Step> build(FieldReader f, String keyword, Position at) {
        Optional<List<String>> interfaces = f.required(INTERFACES, INTERFACES_EXPECTATION)
                ? interfaces(f) : Optional.empty();
        Optional<Integer> count = f.required(COUNT, COUNT_EXPECTATION)
                ? f.integer(COUNT, 1, MAX_COUNT, COUNT_EXPECTATION) : Optional.empty();
        Duration downFor = f.duration(DOWN_FOR, false).orElse(DEFAULT_WAIT);
        Duration interval = f.duration(INTERVAL, false).orElse(DEFAULT_WAIT);
        Duration jitter = f.duration(JITTER, false).orElse(Duration.ZERO);
        long seed = f.number(SEED, 0, Long.MAX_VALUE, "a whole number, 0 or more").orElse(1L);
        if (!f.ok()) {
            return List.of();
        }
        Flaps flaps = new Flaps(interfaces.get(), count.get(), downFor, interval, jitter, seed);
        return List.of(new Generated(KEYWORD, at, () -> flaps.steps(at)));
    }

    private static Optional<List<String>> interfaces(FieldReader f) {
        Optional<List<YamlScalar>> items = f.scalars(INTERFACES, INTERFACES_EXPECTATION);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            f.error(f.position(INTERFACES), "interfaces is an empty list; expected " + INTERFACES_EXPECTATION);
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (YamlScalar item : items.get()) {
            f.parse(item.position(), item.text(), FieldValues::interfaceName).ifPresent(names::add);
        }
        return names.size() == items.get().size() ? Optional.of(List.copyOf(names)) : Optional.empty();
    }

    /** One step's flaps; each iterator draws from a fresh generator with the seed, so every pass is the same. */
    private record Flaps(List<String> interfaces, int count, Duration downFor, Duration interval, Duration jitter,
                         long seed) {

        Iterator<Step> steps(Position at) {
            SplittableRandom random = new SplittableRandom(seed);
            return new Iterator<>() {
                private final List<Step> pending = new ArrayList<>(4);
                private int made;

                @Override
                public boolean hasNext() {
                    return !pending.isEmpty() || made < count;
                }

                @Override
                public Step next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if (pending.isEmpty()) {
                        flap();
                    }
                    return pending.remove(0);
                }

                private void flap() {
                    String name = interfaces.get(random.nextInt(interfaces.size()));
                    pending.add(new DeviceChange(KEYWORD, at, device -> device.interfaceDown(name)));
                    wait(downFor);
                    pending.add(new DeviceChange(KEYWORD, at, device -> device.interfaceUp(name)));
                    made++;
                    if (made < count) {
                        wait(interval);
                    }
                }

                private void wait(Duration base) {
                    long extra = jitter.isZero() ? 0 : random.nextLong(jitter.toNanos() + 1);
                    Duration wait = base.plusNanos(extra);
                    if (!wait.isZero()) {
                        pending.add(new Sleep(at, wait));
                    }
                }
            };
        }
    }
}
