package org.springframework.samples.shop;

import dev.debugtoolbar.core.cache.CacheRecorder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Stands for an application whose own code lives under a prefix the toolbar skips by default
 * ({@code org.springframework.}), as Spring's sample applications do.
 */
public final class Store {

    private Store() {
    }

    /** Runs a statement, the way the application's repositories do. */
    public static void countBooks(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /** Looks a book up in a cache. */
    public static String cachedBook(CacheRecorder cache) {
        return cache.get("books", 42, () -> "Dune");
    }

    /** Logs through java.util.logging. */
    public static void logSale() {
        Logger.getLogger("org.springframework.samples.shop.Store").warning("sold out");
    }

    /** Fails as application code does; the test wraps the failure as a framework's dispatcher would. */
    public static void buy() {
        throw new IllegalStateException("no stock");
    }
}
