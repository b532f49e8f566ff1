package dev.debugtoolbar.sample.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
            try (Statement statement = connection.createStatement()) {
                statement.execute("RUNSCRIPT FROM 'classpath:/db/schema.sql'");
            }
            new SeedData().insertInto(connection);
        } catch (SQLException e) {
            throw new DataAccessException("Could not create the bookshop database", e);
        }
        return new BookshopDatabase(dataSource);
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
