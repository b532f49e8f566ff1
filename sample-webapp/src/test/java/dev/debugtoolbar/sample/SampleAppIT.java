package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Starts the whole sample on a free port and walks through its pages over HTTP. */
class SampleAppIT {

    private static final Pattern LINK = Pattern.compile("<a href=\"(/[^\"]*)\">");
    private static final Pattern BOOK_TITLE = Pattern.compile("<a class=\"book-title\" href=\"/books/\\d+\">([^<]+)</a>");

    @RegisterExtension
    static final RunningSample SAMPLE = new RunningSample();


    @Test
    void homePageLinksToDemoPagesThatAnswer() throws Exception {
        HttpResponse<String> home = SAMPLE.get("/");
        assertHtml(200, home);

        List<String> demos = demoLinks(home.body());
        assertTrue(demos.containsAll(List.of("/books", "/books/fixed", "/books/popular", "/books/1",
                "/search?q=river", "/ajax", "/fail", "/redirect")), "demo links: " + demos);
        for (String demo : demos) {
            assertHtml(demo.equals("/fail") ? 500 : 200, SAMPLE.get(demo));
        }
    }

    @Test
    void bookListShowsThirtyBooksAndTheFixedListShowsTheSame() throws Exception {
        HttpResponse<String> books = SAMPLE.get("/books");
        HttpResponse<String> fixed = SAMPLE.get("/books/fixed");
        assertHtml(200, books);
        assertHtml(200, fixed);

        List<String> titles = bookTitles(books.body());
        assertEquals(30, titles.size());
        assertEquals(titles, bookTitles(fixed.body()));
    }

    @Test
    void bookPageShowsTheBookItsAuthorAndReviews() throws Exception {
        String firstTitle = bookTitles(SAMPLE.get("/books").body()).get(0);

        HttpResponse<String> book = SAMPLE.get("/books/1");

        assertHtml(200, book);
        assertAll(
                () -> assertTrue(book.body().contains("<h1>" + firstTitle + "</h1>"), "title"),
                () -> assertTrue(book.body().contains("<dt>Author</dt>"), "author"),
                () -> assertTrue(book.body().contains("<h2>Reviews</h2>"), "reviews"));
    }

    @Test
    void unknownBookIsNotFound() throws Exception {
        HttpResponse<String> missing = SAMPLE.get("/books/99999");

        assertHtml(404, missing);
        assertTrue(missing.body().contains("the book 99999"), missing.body());
    }

    @Test
    void failingPageAnswers500() throws Exception {
        assertEquals(500, SAMPLE.get("/fail").statusCode());
    }

    @Test
    void searchFindsTitlesWithTheBoundText() throws Exception {
        HttpResponse<String> search = SAMPLE.get("/search?q=River");

        assertHtml(200, search);
        List<String> titles = bookTitles(search.body());
        assertFalse(titles.isEmpty());
        assertTrue(titles.stream().allMatch(title -> title.toLowerCase(Locale.ROOT).contains("river")), titles::toString);
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() throws Exception {
        assertTrue(bookTitles(SAMPLE.get("/search?q=%25").body()).isEmpty());
    }

    @Test
    void searchEchoesTheQueryEscaped() throws Exception {
        HttpResponse<String> search = SAMPLE.get("/search?q=%3Cscript%3Ex%3C%2Fscript%3E");

        assertHtml(200, search);
        assertFalse(search.body().contains("<script>x"), "raw script tag echoed");
        assertTrue(search.body().contains("&lt;script&gt;x&lt;/script&gt;"), "escaped query missing");
    }

    @Test
    void statsApiAnswersTheSeededCountsAsJson() throws Exception {
        HttpResponse<String> stats = SAMPLE.get("/api/stats");

        assertEquals(200, stats.statusCode());
        assertTrue(contentType(stats).startsWith("application/json"), contentType(stats));
        assertEquals("{\"authors\":40,\"books\":200,\"reviews\":600}", stats.body());
    }

    @Test
    void staticFilesAreServedFromTheClasspath() throws Exception {
        HttpResponse<String> css = SAMPLE.get("/static/app.css");
        HttpResponse<String> js = SAMPLE.get("/static/ajax.js");

        assertEquals(200, css.statusCode());
        assertTrue(contentType(css).startsWith("text/css"), contentType(css));
        assertEquals(200, js.statusCode());
        assertTrue(js.body().contains("new XMLHttpRequest()"), "ajax.js");
    }

    @Test
    void ajaxPageLoadsItsScriptAndPointsItAtTheApi() throws Exception {
        HttpResponse<String> ajax = SAMPLE.get("/ajax");

        assertHtml(200, ajax);
        assertAll(
                () -> assertTrue(ajax.body().contains("<script src=\"/static/ajax.js\" defer></script>"), "script"),
                () -> assertTrue(ajax.body().contains("data-url=\"/api/stats\""), "API address"));
    }

    private static void assertHtml(int status, HttpResponse<String> response) {
        String what = response.uri().toString();
        assertEquals(status, response.statusCode(), what);
        assertTrue(contentType(response).toLowerCase().startsWith("text/html"), what + ": " + contentType(response));
        assertTrue(response.body().contains("</html>"), what);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The links of the home page's demo list, in order. */
    private static List<String> demoLinks(String html) {
        String demos = html.substring(html.indexOf("<ul class=\"demos\">"), html.indexOf("</ul>"));
        return all(LINK.matcher(demos));
    }

    private static List<String> bookTitles(String html) {
        return all(BOOK_TITLE.matcher(html));
    }

    private static List<String> all(Matcher matcher) {
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
