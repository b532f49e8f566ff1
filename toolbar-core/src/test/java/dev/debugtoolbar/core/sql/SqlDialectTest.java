package dev.debugtoolbar.core.sql;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlDialectTest {

    @Test
    void knowsDatabasesByProductName() {
        assertEquals(SqlDialect.H2, SqlDialect.of("H2"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of("PostgreSQL"));
        assertEquals(SqlDialect.MYSQL, SqlDialect.of("MySQL"));
        assertEquals(SqlDialect.MARIADB, SqlDialect.of("MariaDB"));
        assertEquals(SqlDialect.OTHER, SqlDialect.of("Oracle"));
        assertEquals(SqlDialect.OTHER, SqlDialect.of(null));
    }

    @Test
    void asksEachDatabaseForItsPlan() {
        assertEquals("EXPLAIN SELECT 1", SqlDialect.POSTGRESQL.explain("SELECT 1", false));
        assertEquals("EXPLAIN ANALYZE SELECT 1", SqlDialect.POSTGRESQL.explain("SELECT 1", true));
        assertEquals("EXPLAIN ANALYZE SELECT 1", SqlDialect.H2.explain("SELECT 1", true));
        assertEquals("EXPLAIN SELECT 1", SqlDialect.MYSQL.explain("SELECT 1", false));
        assertEquals(null, SqlDialect.OTHER.explain("SELECT 1", false));
    }

    @Test
    void runsStatementsAgainOnlyOnH2AndPostgreSql() {
        assertTrue(SqlDialect.H2.runsStatements());
        assertTrue(SqlDialect.POSTGRESQL.runsStatements());
        // their EXPLAIN ANALYZE (MariaDB's ANALYZE) runs the statement: a plain EXPLAIN only
        for (SqlDialect planOnly : List.of(SqlDialect.MYSQL, SqlDialect.MARIADB)) {
            assertFalse(planOnly.runsStatements());
            assertTrue(planOnly.canExplain());
            assertEquals(null, planOnly.explain("SELECT 1", true));
        }
        assertFalse(SqlDialect.OTHER.runsStatements());
        assertFalse(SqlDialect.OTHER.canExplain());
    }

    @Test
    void quotesTextForEachDatabase() {
        String text = "O'Brien \\ co";
        assertEquals("'O''Brien \\ co'", SqlDialect.H2.literal(text));
        assertEquals("E'O''Brien \\\\ co'", SqlDialect.POSTGRESQL.literal(text));
        assertEquals("'O''Brien'", SqlDialect.POSTGRESQL.literal("O'Brien"));
        assertEquals("'O''Brien \\\\ co'", SqlDialect.MYSQL.literal(text));
        assertEquals("'O''Brien \\\\ co'", SqlDialect.MARIADB.literal(text));
        assertEquals("'line\nbreak'", SqlDialect.H2.literal("line\nbreak"));
    }

    @Test
    void writesNumbersBooleansNullAndUuidsAsLiterals() {
        assertEquals("NULL", SqlDialect.POSTGRESQL.literal(null));
        assertEquals("42", SqlDialect.POSTGRESQL.literal(42));
        assertEquals("-7", SqlDialect.MYSQL.literal(-7L));
        assertEquals("12.50", SqlDialect.H2.literal(new BigDecimal("12.50")));
        assertEquals("10000000000000000000", SqlDialect.H2.literal(new BigDecimal("1E+19")));
        assertEquals("1.5", SqlDialect.H2.literal(1.5d));
        assertEquals("CAST('NaN' AS DOUBLE PRECISION)", SqlDialect.POSTGRESQL.literal(Double.NaN));
        assertEquals("TRUE", SqlDialect.MYSQL.literal(true));
        assertEquals("FALSE", SqlDialect.POSTGRESQL.literal(false));
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals("'123e4567-e89b-12d3-a456-426614174000'", SqlDialect.POSTGRESQL.literal(id));
    }

    @Test
    void writesDatesAndTimesWithThePrecisionEachDatabaseTakes() {
        Timestamp at = Timestamp.valueOf("2024-01-31 10:15:30.123456789");
        assertEquals("TIMESTAMP '2024-01-31 10:15:30.123456789'", SqlDialect.H2.literal(at));
        assertEquals("TIMESTAMP '2024-01-31 10:15:30.123456'", SqlDialect.POSTGRESQL.literal(at));
        assertEquals("TIMESTAMP '2024-01-31 10:15:30'", SqlDialect.MYSQL.literal(Timestamp.valueOf("2024-01-31 10:15:30")));
        assertEquals("DATE '2024-01-31'", SqlDialect.POSTGRESQL.literal(LocalDate.of(2024, 1, 31)));
        assertEquals("DATE '2024-01-31'", SqlDialect.MYSQL.literal(java.sql.Date.valueOf("2024-01-31")));
        assertEquals("TIME '08:05:00'", SqlDialect.H2.literal(LocalTime.of(8, 5)));
        OffsetDateTime moment = OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(2));
        assertEquals("TIMESTAMP WITH TIME ZONE '2024-01-31 10:15:30+02:00'", SqlDialect.POSTGRESQL.literal(moment));
        assertEquals("TIMESTAMP '2024-01-31 10:15:30+02:00'", SqlDialect.MYSQL.literal(moment));
        assertEquals("TIMESTAMP WITH TIME ZONE '2024-01-31 08:15:30+00:00'",
                SqlDialect.H2.literal(Instant.parse("2024-01-31T08:15:30Z")));
    }

    @Test
    void inlinesParametersOnlyWherePlaceholdersStand() {
        String sql = "SELECT '?' AS q, x -- what?\nFROM t WHERE a = ? AND b = ? /* ? */ AND c = ?";
        List<Object> values = Arrays.asList("it's", null, new SqlValues.Unreplayable("[stream]"));
        assertEquals("SELECT '?' AS q, x -- what?\nFROM t WHERE a = 'it''s' AND b = NULL /* ? */"
                + " AND c = ? /* not replayable: [stream] */", SqlDialect.POSTGRESQL.inline(sql, values));
    }
}
