package dev.debugtoolbar.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Small formatting rules shared by the built-in panels, so every number reads the same way. */
public final class Text {

    private static final int PREVIEW_CHARS = 500;

    private Text() {
    }

    /** {@code "1 query"}, {@code "3 queries"}. */
    public static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** Milliseconds with a precision that suits their size: {@code 0.042 ms}, {@code 3.40 ms}, {@code 120 ms}. */
    public static String millis(double millis) {
        return decimal(millis, millis < 1 ? 3 : millis < 100 ? 2 : 0) + " ms";
    }

    /**
     * {@code value} with {@code decimals} digits after the point, rounded half up, as {@code String.format}'s
     * {@code %.Nf} writes it in {@link Locale#ROOT}, at a fraction of its cost (it runs for every request).
     */
    public static String decimal(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A value's text cut to a readable preview; never throws, whatever the value's {@code toString} does. */
    public static String preview(Object value) {
        if (value == null) {
            return null;
        }
        String text;
        try {
            text = value instanceof byte[] bytes ? "[" + bytes.length + " bytes]" : String.valueOf(value);
        } catch (RuntimeException | LinkageError e) {
            return "[toString() of " + value.getClass().getName() + " failed: " + e + "]";
        }
        return cut(text, PREVIEW_CHARS);
    }

    /** A throwable's stack trace as {@code printStackTrace} writes it, causes included, cut to {@code max} characters. */
    public static String stackTrace(Throwable throwable, int max) {
        java.io.StringWriter trace = new java.io.StringWriter();
        throwable.printStackTrace(new java.io.PrintWriter(trace));
        String text = trace.toString();
        return text.length() <= max ? text : text.substring(0, max) + "\n\t...";
    }

    /** {@code text} cut to {@code max} characters, with a note of how much was left out. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "… (" + (text.length() - max) + " more characters)";
    }
}
