package dev.debugtoolbar.sample.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fills a freshly created schema with authors, books and reviews. A fixed random seed makes every run
 * produce the same shop, so that pages and counts are stable.
 *
 * <p>The identity columns of fresh tables number rows from 1 in insert order, which is how books find
 * their author ids and reviews their book ids.
 */
final class SeedData {

    private static final int AUTHORS = 40;
    private static final int BOOKS = 200;
    private static final int REVIEWS = 600;

    private static final long SEED = 20_240_601L;

    private static final List<String> FIRST_NAMES = List.of(
            "Ada", "Bruno", "Clara", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ivo", "Jonas",
            "Kaito", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq");
    private static final List<String> LAST_NAMES = List.of(
            "Abbott", "Berg", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gallo", "Hartmann", "Ibsen",
            "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
            "Sato", "Weber");
    private static final List<String> COUNTRIES = List.of(
            "Brazil", "Canada", "Chile", "France", "Germany", "India", "Ireland", "Italy", "Japan",
            "Nigeria", "Norway", "Poland", "Sweden");
    private static final List<String> ADJECTIVES = List.of(
            "Silent", "Crimson", "Hidden", "Last", "Distant", "Golden", "Broken", "Quiet", "Burning",
            "Forgotten", "Northern", "Patient", "Restless", "Secret", "Wandering");
    private static final List<String> NOUNS = List.of(
            "Garden", "River", "Lantern", "Orchard", "Harbour", "Clock", "Mirror", "Winter", "Letter",
            "Island", "Bridge", "Compass", "Tower", "Meadow", "Voyage");
    private static final List<String> PLACES = List.of(
            "Lisbon", "the North", "Glass Street", "the Valley", "Saint Clair", "the Old Town",
            "Marrow Bay", "the Frontier");
    private static final List<List<String>> REVIEW_TEXTS = List.of(
            List.of("Could not finish it.", "Flat characters and a plot that goes nowhere."),
            List.of("A few good chapters, the rest dragged.", "Beautiful cover, forgettable story."),
            List.of("Solid, if a little slow in the middle.", "Worth reading once."),
            List.of("Kept me up past midnight.", "Lovely prose and a satisfying ending."),
            List.of("A new favourite; I have already bought it for two friends.",
                    "Brilliant from the first page to the last."));

    private final Random random = new Random(SEED);

    /** Inserts the seed rows in one transaction. */
    void insertInto(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            insertAuthors(connection);
            insertBooks(connection);
            insertReviews(connection);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void insertAuthors(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        for (String first : FIRST_NAMES) {
            for (String last : LAST_NAMES) {
                names.add(first + " " + last);
            }
        }
        Collections.shuffle(names, random);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO authors (name, country) VALUES (?, ?)")) {
            for (String name : names.subList(0, AUTHORS)) {
                insert.setString(1, name);
                insert.setString(2, pick(COUNTRIES));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertBooks(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO books (author_id, title, published_year, price) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < BOOKS; i++) {
                insert.setLong(1, 1 + random.nextInt(AUTHORS));
                insert.setString(2, title());
                insert.setInt(3, 1920 + random.nextInt(105));
                insert.setBigDecimal(4, BigDecimal.valueOf(499 + random.nextInt(4_000), 2));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertReviews(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO reviews (book_id, rating, body) VALUES (?, ?, ?)")) {
            for (int i = 0; i < REVIEWS; i++) {
                int rating = 1 + random.nextInt(5);
                insert.setLong(1, 1 + random.nextInt(BOOKS));
                insert.setInt(2, rating);
                insert.setString(3, pick(REVIEW_TEXTS.get(rating - 1)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String title() {
        String adjective = pick(ADJECTIVES);
        String noun = pick(NOUNS);
        return switch (random.nextInt(4)) {
            case 0 -> "The " + adjective + " " + noun;
            case 1 -> noun + "s of " + pick(PLACES);
            case 2 -> adjective + " " + noun + "s";
            default -> "The " + noun + " of " + pick(PLACES);
        };
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
