package dev.debugtoolbar.sample.stats;

import dev.debugtoolbar.sample.db.Jdbc;
import javax.sql.DataSource;

/** Counts the shop's rows, one query per table. */
public final class StatsRepository {

    private final Jdbc jdbc;

    public StatsRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public ShopStats stats() {
        return new ShopStats(
                jdbc.number("SELECT COUNT(*) FROM authors"),
                jdbc.number("SELECT COUNT(*) FROM books"),
                jdbc.number("SELECT COUNT(*) FROM reviews"));
    }
}
