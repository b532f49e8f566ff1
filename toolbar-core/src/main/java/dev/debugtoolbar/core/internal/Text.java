package dev.debugtoolbar.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Small formatting rules shared by the built-in panels, so every number reads the same way. */
public final class Text {

    private static final int PREVIEW_CHARS = 500;
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

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
        if (decimals >= 0 && decimals < POWERS_OF_TEN.length) {
            // Rounding the binary value gives what rounding its decimal text gives, except next to a tie: the
            // scaled value stays below 1e9, so its error is far below the 1e-6 kept away from one.
            double scaled = Math.abs(value) * POWERS_OF_TEN[decimals];
            double whole = Math.floor(scaled);
            double fraction = scaled - whole;
            if (scaled < 1e9 && Math.abs(fraction - 0.5) > 1e-6) {
                long rounded = (long) whole + (fraction > 0.5 ? 1 : 0);
                return plain(value < 0 && rounded != 0, rounded, decimals);
            }
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(boolean negative, long rounded, int decimals) {
        long unit = (long) POWERS_OF_TEN[decimals];
        StringBuilder text = new StringBuilder(24);
        if (negative) {
            text.append('-');
        }
        text.append(rounded / unit);
        if (decimals > 0) {
            String fraction = Long.toString(rounded % unit);
            text.append('.');
            for (int pad = fraction.length(); pad < decimals; pad++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.toString();
    }

    /** A value's text cut to a readable preview; never throws, whatever the value's {@code toString} does. */
    public static String preview(Object value) {
        return preview(value, null);
    }

    /**
     * Like {@link #preview(Object)}, remembering in {@code texts} (by identity, may be {@code null}) the
     * {@code toString} of every object it turns into text, for previews of values that share objects (a page's
     * list and the fragment that shows one of its elements). A JDK list, set or map is written element by element
     * only as far as the preview reaches: a list of ten thousand entities costs a few {@code toString}s, not ten
     * thousand.
     */
    public static String preview(Object value, Map<Object, String> texts) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof byte[] bytes) {
                return "[" + bytes.length + " bytes]";
            }
            if (value.getClass().getName().startsWith("java.util.")
                    && (value instanceof Collection<?> || value instanceof Map<?, ?>)) {
                return containerPreview(value, texts);
            }
            return cut(text(value, texts), PREVIEW_CHARS);
        } catch (RuntimeException | LinkageError e) {
            return "[toString() of " + value.getClass().getName() + " failed: " + failure(e) + "]";
        }
    }

    /** A failure's class and message, or its class alone when even its message cannot be read. */
    private static String failure(Throwable failure) {
        try {
            String message = failure.getMessage();
            return message == null ? failure.getClass().getName() : failure.getClass().getName() + ": " + message;
        } catch (RuntimeException | LinkageError unreadable) {
            return failure.getClass().getName();
        }
    }

    /** What {@code AbstractCollection} and {@code AbstractMap} write, up to the preview's length. */
    private static String containerPreview(Object container, Map<Object, String> texts) {
        boolean isMap = container instanceof Map<?, ?>;
        Iterator<?> items = isMap ? ((Map<?, ?>) container).entrySet().iterator() : ((Collection<?>) container).iterator();
        int size = isMap ? ((Map<?, ?>) container).size() : ((Collection<?>) container).size();
        StringBuilder text = new StringBuilder().append(isMap ? '{' : '[');
        for (int written = 0; items.hasNext(); written++) {
            if (text.length() > PREVIEW_CHARS) {
                return text.substring(0, PREVIEW_CHARS) + "… (" + Math.max(0, size - written) + " more)";
            }
            if (written > 0) {
                text.append(", ");
            }
            Object item = items.next();
            if (item instanceof Map.Entry<?, ?> entry && isMap) {
                text.append(itemText(entry.getKey(), container, texts)).append('=')
                        .append(itemText(entry.getValue(), container, texts));
            } else {
                text.append(itemText(item, container, texts));
            }
        }
        return cut(text.append(isMap ? '}' : ']').toString(), PREVIEW_CHARS);
    }

    private static String itemText(Object item, Object container, Map<Object, String> texts) {
        return item == container ? (container instanceof Map<?, ?> ? "(this Map)" : "(this Collection)")
                : cut(text(item, texts), PREVIEW_CHARS);
    }

    private static String text(Object value, Map<Object, String> texts) {
        if (texts == null || value == null) {
            return String.valueOf(value);
        }
        String known = texts.get(value);
        if (known == null) {
            known = String.valueOf(value);
            texts.put(value, known);
        }
        return known;
    }

    /**
     * A throwable's stack trace as {@code printStackTrace} writes it, causes included, cut to {@code max} characters.
     * Never throws: where the throwable's own methods ({@code toString}, {@code getMessage}, {@code getStackTrace})
     * throw, the trace ends with a note of that after what could be written.
     */
    public static String stackTrace(Throwable throwable, int max) {
        java.io.StringWriter trace = new java.io.StringWriter();
        try {
            throwable.printStackTrace(new java.io.PrintWriter(trace));
        } catch (RuntimeException | LinkageError e) {
            trace.append("[the stack trace of ").append(throwable.getClass().getName()).append(" could not be")
                    .append(" written: ").append(e.getClass().getName()).append("]");
        }
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
