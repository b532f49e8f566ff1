package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Timing;

/**
 * The {@code Server-Timing} header of a recorded response, in the form browsers' developer tools show:
 * {@code total;dur=12.30;desc="Total", sql;dur=1.20;desc="SQL (3 queries)"}. Besides the total, every
 * panel contributes its own {@link Timing}s.
 */
public final class ServerTiming {

    /** The header's name. */
    public static final String HEADER = "Server-Timing";

    private ServerTiming() {
    }

    /** The header's value for {@code record}. */
    public static String of(RequestRecord record) {
        StringBuilder value = new StringBuilder(128);
        metric(value, new Timing("total", record.durationMillis(), "Total"));
        record.timings().forEach(timing -> metric(value, timing));
        return value.toString();
    }

    private static void metric(StringBuilder value, Timing timing) {
        if (!value.isEmpty()) {
            value.append(", ");
        }
        value.append(timing.name()).append(";dur=").append(Text.decimal(timing.millis(), 2))
                .append(";desc=\"").append(timing.description()).append('"');
    }
}
