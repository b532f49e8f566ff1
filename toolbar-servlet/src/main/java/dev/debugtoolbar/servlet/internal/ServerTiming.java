package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Timing;

import java.util.List;

/**
 * The {@code Server-Timing} header of a recorded response, in the form browsers' developer tools show:
 * {@code total;dur=12.30;desc="Total", sql;dur=1.20;desc="SQL (3 queries)"}. Besides the total, every
 * panel contributes its own {@link Timing}s. A response committed before its request ends gets the metrics
 * known at that moment ({@link #soFar}).
 */
public final class ServerTiming {

    /** The header's name. */
    public static final String HEADER = "Server-Timing";

    private ServerTiming() {
    }

    /** The header's value for {@code record}. */
    public static String of(RequestRecord record) {
        return value(new Timing("total", record.durationMillis(), "Total"), record.timings());
    }

    /**
     * The header's value for a response whose headers go out while its request still runs: the time so far
     * ({@code total}, described as such) and the metrics known so far.
     */
    public static String soFar(double millisSoFar, List<Timing> timingsSoFar) {
        return value(new Timing("total", millisSoFar, "Total until the response was committed"), timingsSoFar);
    }

    private static String value(Timing total, List<Timing> timings) {
        StringBuilder value = new StringBuilder(128);
        metric(value, total);
        timings.forEach(timing -> metric(value, timing));
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
