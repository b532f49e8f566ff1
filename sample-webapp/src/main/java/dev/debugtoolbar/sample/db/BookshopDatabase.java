package dev.debugtoolbar.sample.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The in-memory H2 database behind the bookshop, created with its schema and seed data.
 *
 * <p>The database lives until {@link #close()}, so only one instance may be open per JVM at a time.
 */
public final class BookshopDatabase implements AutoCloseable {

    private static final String URL = "jdbc:h2:mem:bookshop;DB_CLOSE_DELAY=-1";

    private final JdbcDataSource dataSource;

    private BookshopDatabase(JdbcDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the schema and fills it with the same seed data on every run. */
    public static BookshopDatabase createSeeded() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        dataSource.setUser("sa");
        try (Connection connection = dataSource.getConnection()) {
            install(connection);
        } catch (SQLException e) {
            throw new DataAccessException("Could not create the bookshop database", e);
        }
        return new BookshopDatabase(dataSource);
    }

    /**
     * Creates the schema ({@code db/schema.sql}, portable SQL) and inserts the seed data through
     * {@code connection}, on H2 or any other database that runs standard SQL, such as PostgreSQL.
     */
    public static void install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : schemaStatements()) {
                statement.execute(sql);
            }
        }
        new SeedData().insertInto(connection);
    }

    private static List<String> schemaStatements() {
        try (InputStream in = BookshopDatabase.class.getResourceAsStream("/db/schema.sql")) {
            String script = new String(Objects.requireNonNull(in, "db/schema.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            return Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
                    .map(String::strip).filter(sql -> !sql.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read db/schema.sql", e);
        }
    }

    /** The plain data source; SQL run through it is invisible to the toolbar. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Drops the in-memory database, so that the next {@link #createSeeded()} starts afresh. */
    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new DataAccessException("Could not shut the bookshop database down", e);
        }
    }
}
