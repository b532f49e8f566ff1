package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.internal.Text;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Parameter values as the recorder keeps them. A value that can be bound again later (text, numbers,
 * booleans, dates and times, UUIDs, SQL NULL) is kept as an immutable copy; anything else (streams, LOBs,
 * byte arrays, application objects) becomes an {@link Unreplayable} with its display text, taken at once
 * so that nothing the application may change or close is held. So does a text longer than
 * {@value #MAX_KEPT_CHARS} characters: it is kept cut, for display only.
 */
final class SqlValues {

    /** The longest text kept as it was bound, to bind it again; a longer one is cut. */
    static final int MAX_KEPT_CHARS = 8_192;

    /**
     * The estimated size of a kept value besides its characters: the object, and the text the SQL panel shows for
     * it (measured with JOL: a number and its display text take about 60 bytes).
     */
    private static final int VALUE_BYTES = 64;

    /**
     * A value the toolbar cannot bind again; only its display text is kept.
     *
     * @param display its display text
     * @param cut     whether it is a text too long to keep, cut for display
     */
    record Unreplayable(String display, boolean cut) {
        /** A value of a kind that cannot be bound again. */
        Unreplayable(String display) {
            this(display, false);
        }
    }

    private SqlValues() {
    }

    /** What to keep for {@code value}, bound by the application; cheap for the common types. */
    static Object capture(Object value) {
        if (value instanceof String text && text.length() > MAX_KEPT_CHARS) {
            return new Unreplayable(Text.preview(text), true);
        }
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof BigDecimal || value instanceof Double
                || value instanceof Short || value instanceof Byte || value instanceof Float
                || value instanceof BigInteger || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof LocalTime || value instanceof OffsetDateTime || value instanceof Instant
                || value instanceof OffsetTime || value instanceof ZonedDateTime || value instanceof UUID) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            Timestamp copy = new Timestamp(timestamp.getTime());
            copy.setNanos(timestamp.getNanos());
            return copy;
        }
        if (value instanceof java.sql.Date date) {
            return new java.sql.Date(date.getTime());
        }
        if (value instanceof Time time) {
            return new Time(time.getTime());
        }
        if (value instanceof java.util.Date date) {
            return new Timestamp(date.getTime());
        }
        if (value instanceof Character character) {
            return character.toString();
        }
        return new Unreplayable(describe(value));
    }

    /** Whether a kept value can be bound again. */
    static boolean replayable(Object kept) {
        return !(kept instanceof Unreplayable);
    }

    /** Whether a kept value is a text that was too long to keep, cut for display. */
    static boolean cut(Object kept) {
        return kept instanceof Unreplayable unreplayable && unreplayable.cut();
    }

    /** The estimated size of a kept value in a record, in bytes: its text's length, else a small constant. */
    static long bytes(Object kept) {
        if (kept instanceof String text) {
            return VALUE_BYTES + text.length();
        }
        return kept instanceof Unreplayable unreplayable ? VALUE_BYTES + unreplayable.display().length() : VALUE_BYTES;
    }

    /** The display text of a kept value; {@code null} for SQL NULL. */
    static String display(Object kept) {
        return kept instanceof Unreplayable unreplayable ? unreplayable.display() : Text.preview(kept);
    }

    private static String describe(Object value) {
        if (value instanceof InputStream || value instanceof Reader) {
            return "[stream]";
        }
        if (value instanceof Blob || value instanceof Clob) {
            return "[" + value.getClass().getSimpleName() + "]";
        }
        return Text.preview(value);
    }
}
