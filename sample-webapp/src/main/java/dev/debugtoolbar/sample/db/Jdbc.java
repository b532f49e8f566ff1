package dev.debugtoolbar.sample.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs read-only queries over a {@link DataSource}: one connection per query, every value bound as a
 * parameter, every resource closed.
 */
public final class Jdbc {

    /** Turns the current row of a result set into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** All rows of {@code sql}, run with {@code parameters} bound in order. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Query failed: " + sql, e);
        }
    }

    /** The row of a query that selects at most one, such as a look-up by primary key. */
    public <T> Optional<T> single(String sql, RowMapper<T> mapper, Object... parameters) {
        return list(sql, mapper, parameters).stream().findFirst();
    }

    /** The single number that {@code sql} selects, such as a {@code COUNT(*)}. */
    public int number(String sql, Object... parameters) {
        return single(sql, row -> row.getInt(1), parameters)
                .orElseThrow(() -> new IllegalStateException("No row from " + sql));
    }
}
