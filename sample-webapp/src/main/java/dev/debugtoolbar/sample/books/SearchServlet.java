package dev.debugtoolbar.sample.books;

import dev.debugtoolbar.sample.web.Pages;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /search?q=...}: the search form and the books whose title contains {@code q}. */
public final class SearchServlet extends HttpServlet {

    private static final int MAX_RESULTS = 50;

    private final BookRepository books;
    private final Pages pages;

    public SearchServlet(BookRepository books, Pages pages) {
        this.books = books;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = Objects.requireNonNullElse(request.getParameter("q"), "").strip();
        List<BookListing> results = query.isEmpty() ? List.of() : books.searchByTitle(query, MAX_RESULTS);
        pages.render(request, response, "search", Map.of("query", query, "results", results));
    }
}
