package dev.debugtoolbar.core;

import java.util.List;
import java.util.Map;

/**
 * The size of one request's record, estimated as its details are recorded, and its cap. A collector asks to
 * {@link #take} a detail's estimated size before it keeps the detail: once the details fill the budget, that
 * detail and every later one is refused and only counted, so the record stays within the budget whatever the
 * application does. A sixteenth of the budget is kept back for the parts every record keeps, bounded on their own
 * (its URL, the request's headers, its first exception), which are {@linkplain #count counted} without being
 * refused. Sizes are estimated cheaply: the characters of the texts kept (one byte each, as most are Latin-1 and
 * ASCII in JSON) plus a fixed overhead per detail; no object is walked. Thread-safe.
 */
public final class RecordBudget {

    /** The estimated overhead of one kept detail (a statement, a template, a log record...) besides its texts. */
    public static final int DETAIL_BYTES = 128;

    /** The estimated overhead of one name with its value (a parameter, a header, a variable) besides its texts. */
    public static final int ENTRY_BYTES = 48;

    private final long maxBytes;
    private long usedBytes;
    private int dropped;
    private boolean full;

    /** A budget of {@code maxBytes} for one record. */
    public RecordBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Counts {@code bytes} into the record if they fit in what is left of the budget for details and the budget
     * refused nothing before; otherwise counts one dropped detail.
     *
     * @return whether the detail may be kept
     */
    public synchronized boolean take(long bytes) {
        if (full || usedBytes + bytes > maxBytes - maxBytes / 16) {
            full = true;
            dropped++;
            return false;
        }
        usedBytes += bytes;
        return true;
    }

    /** Counts {@code bytes} of a part every record keeps, bounded on its own (such as the record's URL). */
    public synchronized void count(long bytes) {
        usedBytes += bytes;
    }

    /** The estimated size of the details kept so far, in bytes. */
    public synchronized long usedBytes() {
        return usedBytes;
    }

    /** How many details were dropped because the record had reached its budget. */
    public synchronized int dropped() {
        return dropped;
    }

    /** The size so far, as the record reports it. */
    public synchronized RequestRecord.Size size() {
        return new RequestRecord.Size(usedBytes, maxBytes, dropped);
    }

    /** The estimated size of names with their values (such as headers) as a panel keeps them. */
    public static long bytes(Map<String, ? extends List<String>> values) {
        long bytes = 0;
        for (Map.Entry<String, ? extends List<String>> entry : values.entrySet()) {
            for (String value : entry.getValue()) {
                bytes += ENTRY_BYTES + bytes(entry.getKey()) + bytes(value);
            }
        }
        return bytes;
    }

    /** The estimated size of a text kept in a record: its characters; 0 for {@code null}. */
    public static long bytes(String text) {
        return text == null ? 0 : text.length();
    }
}
