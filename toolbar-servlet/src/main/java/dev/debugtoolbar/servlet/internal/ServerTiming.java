package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.sql.SqlStats;

import java.util.Locale;

/**
 * The {@code Server-Timing} header of a recorded response, in the form browsers' developer tools show:
 * {@code total;dur=12.30;desc="Total", sql;dur=1.20;desc="SQL (3 queries)"}.
 */
public final class ServerTiming {

    /** The header's name. */
    public static final String HEADER = "Server-Timing";

    private ServerTiming() {
    }

    /** The header's value for {@code record}. */
    public static String of(RequestRecord record) {
        StringBuilder value = new StringBuilder(96);
        metric(value, "total", record.durationMillis(), "Total");
        record.panel("sql").filter(result -> result.stats() instanceof SqlStats).ifPresent(result -> {
            SqlStats sql = (SqlStats) result.stats();
            metric(value, "sql", sql.totalMillis(), "SQL (" + Text.count(sql.queryCount(), "query", "queries") + ")");
        });
        return value.toString();
    }

    private static void metric(StringBuilder value, String name, double millis, String description) {
        if (!value.isEmpty()) {
            value.append(", ");
        }
        value.append(name).append(";dur=").append(String.format(Locale.ROOT, "%.2f", millis))
                .append(";desc=\"").append(description).append('"');
    }
}
