package dev.jetemu.broker.clients;

import java.util.Objects;

/**
 * A glob on MQTT client ids, as a scenario's {@code clients} field gives it: {@code *} matches
 * any run of characters (none included), {@code ?} exactly one, and every other character only
 * itself, so {@code app-*} matches {@code app-1} and {@code app-} but not {@code my-app-1}.
 *
 * <p>Matched without regular expressions, so nothing in a glob ({@code .}, {@code +}, {@code [},
 * {@code \}...) has any meaning but itself, and the record stays a plain value.
 *
 * @param glob the pattern as written
 */
public record ClientIdPattern(String glob) {

    /** Every client. */
    public static final ClientIdPattern ALL = new ClientIdPattern("*");

    public ClientIdPattern {
        Objects.requireNonNull(glob, "glob");
    }

    public static ClientIdPattern of(String glob) {
        return new ClientIdPattern(glob);
    }

    /**
     * Whether the whole of {@code clientId} matches, character by character (a {@code ?} takes
     * one code point). On a mismatch only the last {@code *} takes one more character, which is
     * enough for globs: a later {@code *} can absorb whatever an earlier one would have.
     */
    public boolean matches(String clientId) {
        int[] pattern = glob.codePoints().toArray();
        int[] id = clientId.codePoints().toArray();
        int p = 0;
        int i = 0;
        int star = -1;
        int resumeAt = 0;
        while (i < id.length) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resumeAt = i;
            } else if (p < pattern.length && (pattern[p] == '?' || pattern[p] == id[i])) {
                p++;
                i++;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    @Override
    public String toString() {
        return glob;
    }
}
