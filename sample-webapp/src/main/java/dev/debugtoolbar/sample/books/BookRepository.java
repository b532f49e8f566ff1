package dev.debugtoolbar.sample.books;

import dev.debugtoolbar.sample.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads books, authors and reviews with plain JDBC. */
public final class BookRepository {

    private static final String BOOK_COLUMNS = "b.id, b.author_id, b.title, b.published_year, b.price";
    private static final String LISTING_QUERY = "SELECT " + BOOK_COLUMNS + ", a.name, a.country"
            + " FROM books b JOIN authors a ON a.id = b.author_id";

    private final Jdbc jdbc;

    public BookRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The first {@code limit} books by id, without their authors. */
    public List<Book> firstBooks(int limit) {
        return jdbc.list("SELECT " + BOOK_COLUMNS + " FROM books b ORDER BY b.id FETCH FIRST ? ROWS ONLY",
                BookRepository::toBook, limit);
    }

    /** The same books as {@link #firstBooks(int)}, with their authors, in one query. */
    public List<BookListing> firstBooksWithAuthors(int limit) {
        return jdbc.list(LISTING_QUERY + " ORDER BY b.id FETCH FIRST ? ROWS ONLY",
                BookRepository::toListing, limit);
    }

    /** The {@code limit} books with the most reviews, most reviewed first; one aggregating query. */
    public List<BookListing> mostReviewed(int limit) {
        return jdbc.list(LISTING_QUERY
                + " JOIN (SELECT book_id, COUNT(*) AS review_count FROM reviews GROUP BY book_id) r"
                + " ON r.book_id = b.id ORDER BY r.review_count DESC, b.id FETCH FIRST ? ROWS ONLY",
                BookRepository::toListing, limit);
    }

    public Optional<Book> book(long id) {
        return jdbc.single("SELECT " + BOOK_COLUMNS + " FROM books b WHERE b.id = ?", BookRepository::toBook, id);
    }

    public Optional<Author> author(long id) {
        return jdbc.single("SELECT id, name, country FROM authors WHERE id = ?", row -> toAuthor(row, "id"), id);
    }

    /** The reviews of one book, best first. */
    public List<Review> reviewsOf(long bookId) {
        return jdbc.list("SELECT id, book_id, rating, body FROM reviews WHERE book_id = ? ORDER BY rating DESC, id",
                BookRepository::toReview, bookId);
    }

    /** Books whose title contains {@code text}, ignoring case; {@code %} and {@code _} match literally. */
    public List<BookListing> searchByTitle(String text, int limit) {
        String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        return jdbc.list(LISTING_QUERY + " WHERE LOWER(b.title) LIKE ? ESCAPE '\\' ORDER BY b.title, b.id"
                + " FETCH FIRST ? ROWS ONLY", BookRepository::toListing, pattern, limit);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Book toBook(ResultSet row) throws SQLException {
        return new Book(row.getLong("id"), row.getLong("author_id"), row.getString("title"),
                row.getInt("published_year"), row.getBigDecimal("price"));
    }

    private static Author toAuthor(ResultSet row, String idColumn) throws SQLException {
        return new Author(row.getLong(idColumn), row.getString("name"), row.getString("country"));
    }

    private static BookListing toListing(ResultSet row) throws SQLException {
        return new BookListing(toBook(row), toAuthor(row, "author_id"));
    }

    private static Review toReview(ResultSet row) throws SQLException {
        return new Review(row.getLong("id"), row.getLong("book_id"), row.getInt("rating"), row.getString("body"));
    }
}
