package dev.jetemu.sim.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A {@link JetEvent}'s attributes: an immutable map in payload order, kept in two arrays. An event
 * has a handful of attributes, read in order when it is encoded, so a scan finds a name as fast as
 * a hash would, and making one costs no hashing: a route generator makes a million.
 */
final class EventAttributes extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;
    private final Set<Entry<String, Object>> entries = new Entries();

    private EventAttributes(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A checked copy: names not null, values of a type a jet-event carries, lists copied.
     *
     * @throws IllegalArgumentException for a value no jet-event can carry
     */
    static EventAttributes copyOf(Map<String, Object> attributes) {
        if (attributes instanceof EventAttributes checked) {
            return checked;
        }
        String[] names = new String[attributes.size()];
        Object[] values = new Object[names.length];
        int[] next = {0};
        attributes.forEach((name, value) -> {
            names[next[0]] = Objects.requireNonNull(name, "attribute name");
            values[next[0]++] = checked(name, value);
        });
        return new EventAttributes(names, values);
    }

    /**
     * Attributes named in order by {@code names}, which the map keeps, with {@code values} already
     * checked against their types (copied, and their lists too).
     */
    static EventAttributes of(String[] names, Object[] values) {
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] instanceof List<?> list ? List.copyOf(list) : values[i];
        }
        return new EventAttributes(names, copy);
    }

    private static Object checked(String name, Object value) {
        if (!AttributeType.carries(value)) {
            throw new IllegalArgumentException("attribute " + name + " has a value a jet-event cannot carry: " + value);
        }
        return value instanceof List<?> list ? List.copyOf(list) : value;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Object get(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object name) {
        for (String known : names) {
            if (known.equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries;
    }

    private final class Entries extends AbstractSet<Entry<String, Object>> {
        @Override
        public int size() {
            return names.length;
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < names.length;
                }

                @Override
                public Entry<String, Object> next() {
                    if (next >= names.length) {
                        throw new NoSuchElementException();
                    }
                    Entry<String, Object> entry = new SimpleImmutableEntry<>(names[next], values[next]);
                    next++;
                    return entry;
                }
            };
        }
    }
}
