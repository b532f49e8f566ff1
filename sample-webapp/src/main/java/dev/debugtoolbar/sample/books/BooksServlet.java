package dev.debugtoolbar.sample.books;

import dev.debugtoolbar.sample.web.Pages;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The book pages, mapped to {@code /books/*}: {@code /books} (the N+1 list), {@code /books/fixed} (the
 * same list from one JOIN), {@code /books/popular} (a cached ranking), {@code /books/{id}} and
 * {@code /books/duplicates} (a book page that looks the same book up three times).
 */
public final class BooksServlet extends HttpServlet {

    private static final int PAGE_SIZE = 30;
    private static final Pattern BOOK_PATH = Pattern.compile("/(\\d{1,18})");

    private final BookRepository books;
    private final PopularBooks popular;
    private final Pages pages;

    public BooksServlet(BookRepository books, PopularBooks popular, Pages pages) {
        this.books = books;
        this.popular = popular;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
        var bookPath = BOOK_PATH.matcher(path);
        if (path.equals("/")) {
            renderList(request, response, listWithOneQueryPerAuthor(), false);
        } else if (path.equals("/fixed")) {
            renderList(request, response, books.firstBooksWithAuthors(PAGE_SIZE), true);
        } else if (path.equals("/duplicates")) {
            renderBookLookedUpThreeTimes(request, response);
        } else if (path.equals("/popular")) {
            PopularBooks.Ranking ranking = popular.top();
            pages.render(request, response, "books/popular",
                    Map.of("listings", ranking.listings(), "fromCache", ranking.fromCache()));
        } else if (bookPath.matches()) {
            renderBook(request, response, Long.parseLong(bookPath.group(1)));
        } else {
            pages.notFound(request, response, "the page " + request.getRequestURI());
        }
    }

    /** The N+1 pattern, on purpose: one query for the books, then one more for each book's author. */
    private List<BookListing> listWithOneQueryPerAuthor() {
        return books.firstBooks(PAGE_SIZE).stream()
                .map(book -> new BookListing(book, books.author(book.authorId()).orElseThrow()))
                .toList();
    }

    private void renderList(HttpServletRequest request, HttpServletResponse response, List<BookListing> listings,
            boolean fixed) throws IOException {
        pages.render(request, response, "books/list", Map.of("listings", listings, "fixed", fixed));
    }

    /** Duplicates, on purpose: a header and a sidebar each load the book the page itself loads. */
    private void renderBookLookedUpThreeTimes(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        books.book(1);
        books.book(1);
        renderBook(request, response, 1);
    }

    private void renderBook(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        Optional<BookDetails> details = books.book(id).map(book -> new BookDetails(
                book, books.author(book.authorId()).orElseThrow(), books.reviewsOf(id)));
        if (details.isPresent()) {
            pages.render(request, response, "books/detail", Map.of("details", details.get()));
        } else {
            pages.notFound(request, response, "the book " + id);
        }
    }
}
