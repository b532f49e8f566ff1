package dev.debugtoolbar.sample.flags;

import dev.debugtoolbar.sample.books.BookRepository;
import dev.debugtoolbar.sample.web.Pages;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /flags}: a book list whose template asks feature flags while it renders, for the Flags panel to show.
 * {@code ?preview=true} turns the preview flag on.
 */
public final class FlagsServlet extends HttpServlet {

    private static final int BOOKS = 12;

    private final FeatureFlags flags;
    private final BookRepository books;
    private final Pages pages;

    /** A page that asks {@code flags}, lists {@code books} and renders with {@code pages}. */
    public FlagsServlet(FeatureFlags flags, BookRepository books, Pages pages) {
        this.flags = flags;
        this.books = books;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeatureFlags.Visitor visitor = new FeatureFlags.Visitor("true".equals(request.getParameter("preview")),
                Math.floorMod(request.getRemoteAddr().hashCode(), 100));
        pages.render(request, response, "flags", Map.of("flags", flags.forRequest(visitor),
                "listings", books.firstBooksWithAuthors(BOOKS)));
    }
}
