package io.lookervault.export;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File and folder names that work on Linux, macOS and Windows alike: no reserved characters or control
 * characters, no trailing dot or space, none of Windows' device names, NFC-normalised (macOS compares
 * names by normalisation), and short (each name at most {@link #MAX} characters, far under every file system's
 * 255 bytes, so that nested folders stay under Windows' path limits for long). Case collisions between
 * siblings are the caller's job ({@link TreeLayout} adds the id). Stateless and thread-safe.
 */
public final class SafeNames {
    /** Longest name part taken from a title. */
    public static final int MAX = 60;
    private static final Pattern UNSAFE = Pattern.compile("[<>:\"/\\\\|?*\\p{Cntrl}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9");

    private SafeNames() {}

    /** A safe name made of {@code text}; {@code _} when nothing of it is left. */
    public static String of(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        s = UNSAFE.matcher(s).replaceAll("_");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.codePointCount(0, s.length()) > MAX) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX));
        }
        s = s.replaceAll("[. ]+$", "");
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            return "_";
        }
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            s = "_" + s;
        }
        return s;
    }

    /** The key two names collide under on a case-insensitive file system. */
    public static String foldKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
