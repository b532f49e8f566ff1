package dev.debugtoolbar.benchmarks.page;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.cache.Cache;
import javax.sql.DataSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The page every mode serves: {@value #DEFAULT_STATEMENTS} SELECTs of one book each (or {@code ?statements=N},
 * up to {@value #MAX_STATEMENTS}), {@value #CACHE_OPERATIONS} JCache operations, and a Thymeleaf template that
 * inserts a fragment per book besides its header and footer fragments.
 */
final class FixedPage extends HttpServlet {

    static final int DEFAULT_STATEMENTS = 20;
    static final int MAX_STATEMENTS = 5_000;
    static final int CACHE_OPERATIONS = 5;
    static final int BOOKS = 100;

    private static final long serialVersionUID = 1L;
    private static final String BOOK_BY_ID = "SELECT id, title, author, price FROM book WHERE id = ?";

    private final transient DataSource dataSource;
    private final transient Cache<String, String> cache;
    private final transient TemplateEngine engine;

    FixedPage(DataSource dataSource, Cache<String, String> cache, TemplateEngine engine) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.engine = engine;
    }

    /** A book as the page shows it. */
    record Book(int id, String title, String author, String price) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int statements = statements(request.getParameter("statements"));
        if (statements < 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "statements: 1 to " + MAX_STATEMENTS);
            return;
        }
        List<Book> books = books(statements);
        response.setContentType("text/html;charset=UTF-8");
        engine.process("page", new Context(request.getLocale(), Map.of(
                "books", books, "banner", banner(), "statements", statements)), response.getWriter());
    }

    private static int statements(String parameter) {
        if (parameter == null) {
            return DEFAULT_STATEMENTS;
        }
        try {
            int count = Integer.parseInt(parameter);
            return count >= 1 && count <= MAX_STATEMENTS ? count : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<Book> books(int statements) {
        List<Book> books = new ArrayList<>(statements);
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < statements; i++) {
                books.add(book(connection, 1 + i % BOOKS));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The benchmark's database failed", e);
        }
        return books;
    }

    private static Book book(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BOOK_BY_ID)) {
            statement.setInt(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Book(row.getInt(1), row.getString(2), row.getString(3), row.getBigDecimal(4).toPlainString());
            }
        }
    }

    /** {@value #CACHE_OPERATIONS} cache operations: four reads (hits once warm) and a write. */
    private String banner() {
        StringBuilder banner = new StringBuilder();
        for (String key : List.of("greeting", "offer", "notice", "footer")) {
            String value = cache.get(key);
            if (value == null) {
                value = key + " text";
                cache.putIfAbsent(key, value);
            }
            banner.append(value).append(' ');
        }
        cache.put("last-page", "fixed");
        return banner.toString().trim();
    }
}
