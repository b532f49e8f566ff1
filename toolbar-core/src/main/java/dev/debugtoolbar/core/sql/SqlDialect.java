package dev.debugtoolbar.core.sql;

import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * What differs between the databases the toolbar knows, told apart by
 * {@code DatabaseMetaData.getDatabaseProductName()}: how to ask for a plan, whether a recorded statement
 * may be run again at all, how the database reads what the replay check must understand, and how to write
 * a value as a literal. {@link #OTHER} writes standard SQL literals and runs nothing again.
 * <p>
 * Only H2 and PostgreSQL run a statement again (Select, EXPLAIN ANALYZE): the replay check was written
 * and tested against how they read SQL, PostgreSQL's transaction is truly read-only, and H2's replays rest
 * on the check alone (see docs/security.md). MySQL and MariaDB get a plain EXPLAIN, which plans without
 * running: their {@code GET_LOCK}, user variables and {@code SLEEP} outlive a rollback, and their
 * {@code EXPLAIN ANALYZE}/{@code ANALYZE} run the statement.
 */
enum SqlDialect {
    H2("EXPLAIN ", "EXPLAIN ANALYZE ", 9),
    POSTGRESQL("EXPLAIN ", "EXPLAIN ANALYZE ", 6),
    MYSQL("EXPLAIN ", null, 6),
    MARIADB("EXPLAIN ", null, 6),
    OTHER(null, null, 9);

    private final String explain;
    private final String explainAnalyze;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dateTime;

    SqlDialect(String explain, String explainAnalyze, int fractionDigits) {
        this.explain = explain;
        this.explainAnalyze = explainAnalyze;
        this.time = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
                .appendFraction(ChronoField.NANO_OF_SECOND, 0, fractionDigits, true).toFormatter();
        this.dateTime = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
                .append(time).toFormatter();
    }

    /** The dialect of a database product name, for example {@code PostgreSQL}; {@link #OTHER} when unknown. */
    static SqlDialect of(String productName) {
        if (productName == null) {
            return OTHER;
        }
        String name = productName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        return name.contains("mysql") ? MYSQL : OTHER;
    }

    /** The statement that shows the plan of {@code select}, or {@code null} where the toolbar knows none. */
    String explain(String select, boolean analyze) {
        String prefix = analyze ? explainAnalyze : explain;
        return prefix == null ? null : prefix + select;
    }

    /** Whether {@link #explain(String, boolean)} knows a plan statement for this database. */
    boolean canExplain() {
        return explain != null;
    }

    /** Whether a recorded statement may be run again here (Select and EXPLAIN ANALYZE), not only planned. */
    boolean runsStatements() {
        return explainAnalyze != null;
    }

    /**
     * Whether a backslash inside {@code '...'} and {@code "..."} is a plain character (H2 always; PostgreSQL
     * while {@code standard_conforming_strings} is on, which the replayer checks on its connection); MySQL and
     * MariaDB read it as an escape unless {@code NO_BACKSLASH_ESCAPES}, and an unknown database may.
     */
    boolean backslashIsPlain() {
        return this == H2 || this == POSTGRESQL;
    }

    /** Whether {@code `name`} quotes a name here (MySQL, MariaDB); elsewhere a backquote is not SQL. */
    boolean quotesWithBackquotes() {
        return this == MYSQL || this == MARIADB;
    }

    /** Whether {@code @} is an operator here (PostgreSQL), rather than the start of a variable (H2, MySQL). */
    boolean atSignIsOperator() {
        return this == POSTGRESQL;
    }

    /**
     * {@code sql} with each {@code ?} placeholder (outside literals and comments) replaced by the literal of
     * the matching kept value. A value that cannot be written as a literal stays a {@code ?}, followed by a
     * comment saying what it was.
     */
    String inline(String sql, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length() + values.size() * 8);
        int next = 0;
        for (SqlLexer.Token token : SqlLexer.lex(sql).tokens()) {
            if (token.kind() == SqlLexer.Kind.PARAMETER && next < values.size()) {
                Object value = values.get(next++);
                out.append(SqlValues.replayable(value) ? literal(value)
                        : "? /* not replayable: " + SqlValues.display(value).replace("*/", "* /") + " */");
            } else {
                out.append(token.text());
            }
        }
        return out.toString();
    }

    /** A kept value (see {@link SqlValues}) written as a literal of this dialect. */
    String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? value.toString() : "CAST('" + value + "' AS DOUBLE PRECISION)";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof java.sql.Date date) {
            return "DATE '" + date.toLocalDate() + "'";
        }
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof Time sqlTime) {
            return "TIME '" + time.format(sqlTime.toLocalTime()) + "'";
        }
        if (value instanceof LocalTime localTime) {
            return "TIME '" + time.format(localTime) + "'";
        }
        if (value instanceof Timestamp timestamp) {
            return "TIMESTAMP '" + dateTime.format(timestamp.toLocalDateTime()) + "'";
        }
        if (value instanceof LocalDateTime localDateTime) {
            return "TIMESTAMP '" + dateTime.format(localDateTime) + "'";
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant) {
            OffsetDateTime moment = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                    : value instanceof ZonedDateTime zoned ? zoned.toOffsetDateTime() : (OffsetDateTime) value;
            String text = dateTime.format(moment.toLocalDateTime()) + moment.getOffset().getId().replace("Z", "+00:00");
            return (this == MYSQL || this == MARIADB ? "TIMESTAMP '" : "TIMESTAMP WITH TIME ZONE '") + text + "'";
        }
        if (value instanceof OffsetTime offsetTime) {
            String text = time.format(offsetTime.toLocalTime());
            return this == MYSQL || this == MARIADB ? "TIME '" + text + "'"
                    : "TIME WITH TIME ZONE '" + text + offsetTime.getOffset().getId().replace("Z", "+00:00") + "'";
        }
        return string(value.toString());
    }

    private String string(String text) {
        String doubled = text.replace("'", "''");
        if (this == MYSQL || this == MARIADB) {
            return "'" + doubled.replace("\\", "\\\\") + "'";
        }
        if (this == POSTGRESQL && text.indexOf('\\') >= 0) {
            return "E'" + doubled.replace("\\", "\\\\") + "'";
        }
        return "'" + doubled + "'";
    }
}
