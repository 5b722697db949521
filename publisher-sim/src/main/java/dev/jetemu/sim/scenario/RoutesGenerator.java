package dev.jetemu.sim.scenario;

import dev.jetemu.diagnostics.Position;
import dev.jetemu.sim.device.Device;
import dev.jetemu.sim.device.DeviceModelException;
import dev.jetemu.sim.device.RouteSpec;
import dev.jetemu.sim.device.RouteType;
import dev.jetemu.sim.event.JetEvent;
import dev.jetemu.sim.net.IpPrefix;
import dev.jetemu.sim.net.IpVersion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code routes-generate}: many routes with distinct, pseudo-random prefixes, at a given rate; and
 * {@code routes-withdraw}, which deletes the routes a routes-generate with the same table, seed and
 * prefix length made. Each step is {@link Generated}: batches of route adds or deletes
 * ({@link DeviceChange}s keyed by the step's keyword) with {@link Sleep}s between them that hold the
 * rate, made as the run reaches them; without a rate, batches follow one another at once. Batches
 * keep each change's event list small whatever the count, and only the batch at hand is in memory.
 *
 * <p>The prefixes are a permutation of the unicast space (IPv4 1.0.0.0 to 223.255.255.255 without
 * 127/8; IPv6 2000::/3) walked from the seed, so they never repeat, look like an Internet table
 * rather than a sequence, and are the same for the same seed in every run. Each batch knows where
 * its prefixes start in the permutation, so it makes the same routes every time it is applied (a dry
 * run, then the run).
 */
final class RoutesGenerator {

    static final String KEYWORD = "routes-generate";
    static final String WITHDRAW_KEYWORD = "routes-withdraw";

    /** Routes per change without a rate, and at most with one: enough to be fast, few enough to stay small. */
    static final int MAX_BATCH = 1000;
    /** With a rate, a batch is what the rate allows in this long; short enough that the pace looks even. */
    private static final Duration BATCH_PERIOD = Duration.ofMillis(100);
    /** How many routes one step may make: a full Internet table is about a million. */
    static final int MAX_COUNT = 10_000_000;

    private static final String TABLE = "table";
    private static final String COUNT = "count";
    private static final String RATE = "rate";
    private static final String SEED = "seed";
    private static final String PREFIX_LENGTH = "prefix-length";
    private static final List<String> FIELDS = List.of(TABLE, COUNT, RATE, SEED, RouteSteps.NEXT_HOPS_FIELD,
            RouteSteps.TYPE_FIELD, RouteSteps.LOGICAL_ROUTER_FIELD, PREFIX_LENGTH);
    private static final List<String> WITHDRAW_FIELDS = List.of(TABLE, COUNT, RATE, SEED,
            RouteSteps.LOGICAL_ROUTER_FIELD, PREFIX_LENGTH);

    private static final Pattern IP_TABLE = Pattern.compile("(?:.+\\.)?(inet6|inet)\\.[0-9]{1,5}");
    private static final Pattern RATE_TEXT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*/\\s*(s|m|h)");
    private static final String RATE_EXPECTATION = "a number of routes per second, minute or hour, such as 2000/s";
    private static final String COUNT_EXPECTATION = "a whole number of routes from 1 to " + MAX_COUNT;
    private static final String SEED_EXPECTATION = "a whole number, 0 or more";
    private static final String TABLE_EXPECTATION = "an inet or inet6 table such as inet.0, inet6.0 or red.inet.0";

    private RoutesGenerator() {
    }

    static List<StepType> types() {
        return List.of(StepType.of(KEYWORD, FIELDS, (f, keyword, at) -> build(f, at, true)),
                StepType.of(WITHDRAW_KEYWORD, WITHDRAW_FIELDS, (f, keyword, at) -> build(f, at, false)));
    }

    /** Reads either step; {@code add} for routes-generate, which also has next hops and a type. */
    private static List<Step> build(FieldReader f, Position at, boolean add) {
        String table = f.text(TABLE, TABLE_EXPECTATION).orElse("inet.0");
        Optional<IpVersion> version = f.parse(f.position(TABLE), table, RoutesGenerator::tableVersion);
        Optional<Integer> count = f.required(COUNT, COUNT_EXPECTATION)
                ? f.integer(COUNT, 1, MAX_COUNT, COUNT_EXPECTATION) : Optional.empty();
        Optional<Double> perSecond = f.parsed(RATE, RATE_EXPECTATION, RoutesGenerator::perSecond);
        long seed = f.number(SEED, 0, Long.MAX_VALUE, SEED_EXPECTATION).orElse(1L);
        Optional<Integer> length = version.flatMap(v -> f.integer(PREFIX_LENGTH, minLength(v), maxLength(v),
                "a prefix length from " + minLength(v) + " to " + maxLength(v)).or(() -> Optional.of(defaultLength(v))));
        List<String> nextHops = add ? RouteSteps.nextHops(f, version, "the routes generated in " + table)
                .orElse(List.of()) : List.of();
        RouteType type = add ? f.parsed(RouteSteps.TYPE_FIELD, FieldValues.ROUTE_TYPE, FieldValues::routeType)
                .orElse(RouteType.STATIC) : RouteType.STATIC;
        String logicalRouter = f.text(RouteSteps.LOGICAL_ROUTER_FIELD, FieldValues.LOGICAL_ROUTER)
                .orElse(Device.DEFAULT_LOGICAL_ROUTER);
        if (!f.ok()) {
            return List.of();
        }
        Prefixes prefixes = new Prefixes(version.get(), length.get(), seed);
        if (count.get() > prefixes.capacity()) {
            f.error(f.position(COUNT), "count " + count.get() + " is more than the " + prefixes.capacity() + " /"
                    + length.get() + " prefixes there are to generate; expected at most " + prefixes.capacity()
                    + ", or a longer prefix-length");
            return List.of();
        }
        RouteSpec template = new RouteSpec(table, logicalRouter, prefixes.prefix(prefixes.next(0)), nextHops, type);
        Batches batches = new Batches(template, prefixes, count.get(), perSecond, add);
        return List.of(new Generated(add ? KEYWORD : WITHDRAW_KEYWORD, at, () -> batches.steps(at)));
    }

    /**
     * The batches of one step, with sleeps between them when there is a rate. Made as they are
     * reached: the iterator holds where in the permutation the next batch starts.
     */
    private record Batches(RouteSpec template, Prefixes prefixes, int count, Optional<Double> perSecond,
                           boolean add) {

        Iterator<Step> steps(Position at) {
            int batch = perSecond.map(rate -> (int) Math.max(1, Math.min(MAX_BATCH,
                    Math.round(rate * BATCH_PERIOD.toNanos() / 1e9)))).orElse(MAX_BATCH);
            Optional<Duration> pause = perSecond.map(rate -> Duration.ofNanos(Math.round(batch * 1e9 / rate)));
            String keyword = add ? KEYWORD : WITHDRAW_KEYWORD;
            return new Iterator<>() {
                private int made;
                private long position;
                private boolean sleepNext;

                @Override
                public boolean hasNext() {
                    return made < count;
                }

                @Override
                public Step next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if (sleepNext) {
                        sleepNext = false;
                        return new Sleep(at, pause.orElseThrow());
                    }
                    int size = Math.min(batch, count - made);
                    long start = position;
                    position = prefixes.skip(position, size);
                    made += size;
                    sleepNext = pause.isPresent() && made < count;
                    return new DeviceChange(keyword, at, add ? addBatch(start, size) : deleteBatch(start, size));
                }
            };
        }

        /** Adds {@code size} routes from {@code start} in the permutation; refuses them all if one exists already. */
        private DeviceOperation addBatch(long start, int size) {
            return device -> {
                List<RouteSpec> routes = new ArrayList<>(size);
                for (IpPrefix prefix : prefixesFrom(start, size)) {
                    if (device.hasRoute(template.table(), template.logicalRouter(), prefix)) {
                        throw new DeviceModelException("route " + prefix + " already exists in " + template.table()
                                + "; expected routes-generate to make routes the table does not have: another "
                                + "seed, or a route-delete step before it");
                    }
                    routes.add(new RouteSpec(template.table(), template.logicalRouter(), prefix, template.nextHops(),
                            template.type()));
                }
                List<JetEvent> events = new ArrayList<>(size);
                routes.forEach(route -> events.addAll(device.addRoute(route)));
                return events;
            };
        }

        /** Deletes {@code size} generated routes from {@code start}; refuses them all if one is missing. */
        private DeviceOperation deleteBatch(long start, int size) {
            return device -> {
                List<IpPrefix> routes = prefixesFrom(start, size);
                for (IpPrefix prefix : routes) {
                    if (!device.hasRoute(template.table(), template.logicalRouter(), prefix)) {
                        throw new DeviceModelException("route " + prefix + " does not exist in " + template.table()
                                + "; expected routes-withdraw to name the routes a routes-generate made: the same "
                                + "table, seed and prefix-length, and a count no larger");
                    }
                }
                List<JetEvent> events = new ArrayList<>(size);
                routes.forEach(prefix -> events.addAll(device.deleteRoute(template.table(), template.logicalRouter(),
                        prefix)));
                return events;
            };
        }

        private List<IpPrefix> prefixesFrom(long start, int size) {
            List<IpPrefix> made = new ArrayList<>(size);
            long position = start;
            for (int i = 0; i < size; i++) {
                position = prefixes.next(position);
                made.add(prefixes.prefix(position++));
            }
            return made;
        }
    }

    private static IpVersion tableVersion(String table) {
        Matcher matcher = IP_TABLE.matcher(table);
        if (!matcher.matches()) {
            throw new DeviceModelException("table '" + table + "' holds no IP routes; expected " + TABLE_EXPECTATION);
        }
        return matcher.group(1).equals("inet") ? IpVersion.IPV4 : IpVersion.IPV6;
    }

    private static double perSecond(String text) {
        Matcher matcher = RATE_TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new DeviceModelException("rate '" + text + "' is not a rate; expected " + RATE_EXPECTATION);
        }
        double amount = Double.parseDouble(matcher.group(1));
        if (amount <= 0) {
            throw new DeviceModelException("rate '" + text + "' is zero; expected " + RATE_EXPECTATION);
        }
        return switch (matcher.group(2)) {
            case "s" -> amount;
            case "m" -> amount / 60;
            default -> amount / 3600;
        };
    }

    private static int minLength(IpVersion version) {
        return version == IpVersion.IPV4 ? 8 : 16;
    }

    private static int maxLength(IpVersion version) {
        return version == IpVersion.IPV4 ? 32 : 64;
    }

    private static int defaultLength(IpVersion version) {
        return version == IpVersion.IPV4 ? 24 : 48;
    }

    /**
     * The prefixes of one length in the unicast space, in a seeded order. The order is a bijection of
     * the k-bit numbers (multiplications by odd numbers and xor-shifts, modulo 2^k); numbers outside
     * the space are skipped ("cycle walking"), so no prefix comes twice.
     */
    static final class Prefixes {

        private static final long MULTIPLIER_1 = 0x9E3779B97F4A7C15L;
        private static final long MULTIPLIER_2 = 0xBF58476D1CE4E5B9L;

        private final IpVersion version;
        private final int length;
        private final int bits;
        private final long mask;
        private final long offset;
        private final long size;
        /** IPv4: prefixes per first octet. */
        private final long perOctet;

        Prefixes(IpVersion version, int length, long seed) {
            this.version = version;
            this.length = length;
            if (version == IpVersion.IPV4) {
                perOctet = 1L << (length - 8);
                size = 223 * perOctet;
            } else {
                perOctet = 0;
                size = 1L << (length - 3);
            }
            bits = 64 - Long.numberOfLeadingZeros(size - 1);
            mask = bits == 64 ? -1L : (1L << bits) - 1;
            offset = (seed * MULTIPLIER_2 + 0x632BE59BD9B4E019L) & mask;
        }

        /** How many distinct prefixes there are to make. */
        long capacity() {
            return version == IpVersion.IPV4 ? size - perOctet : size;
        }

        /** The first position at or after {@code position} whose number is a prefix of the space. */
        long next(long position) {
            long at = position;
            while (!inSpace(permute(at))) {
                at++;
            }
            return at;
        }

        /** The position after {@code count} prefixes from {@code position}. */
        long skip(long position, int count) {
            long at = position;
            for (int i = 0; i < count; i++) {
                at = next(at) + 1;
            }
            return at;
        }

        /** The prefix at a position {@link #next} found. */
        IpPrefix prefix(long position) {
            long number = permute(position);
            if (version == IpVersion.IPV4) {
                long octet = 1 + number / perOctet;
                long address = (octet << 24) | ((number % perOctet) << (32 - length));
                return new IpPrefix.V4((int) address, length);
            }
            return new IpPrefix.V6((1L << 61) | (number << (64 - length)), 0, length);
        }

        private boolean inSpace(long number) {
            return number < size && (version != IpVersion.IPV4 || 1 + number / perOctet != 127);
        }

        private long permute(long position) {
            int shift = Math.max(1, (bits + 1) / 2);
            long x = (position + offset) & mask;
            x = (x * MULTIPLIER_1) & mask;
            x ^= x >>> shift;
            x = (x * MULTIPLIER_2) & mask;
            x ^= x >>> shift;
            return x;
        }
    }
}
