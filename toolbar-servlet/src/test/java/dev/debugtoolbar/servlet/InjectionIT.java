package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the filter does to response bodies: inject into small HTML pages, leave everything else alone; on every
 * container.
 */
@ParameterizedClass
@EnumSource(Container.class)
class InjectionIT {

    /** The container this run of the class deploys to (in {@code start}). */
    @Parameter
    Container container;

    private static final String PAGE = "<!doctype html><html><head><title>t</title></head>"
            + "<body><h1>Hello</h1></body></html>";
    private static final byte[] BINARY = new Random(42).ints(4096, 0, 256)
            .collect(ByteArrayOutputStream::new, ByteArrayOutputStream::write, (a, b) -> { }).toByteArray();
    private static final byte[] GZIPPED = gzip(PAGE);

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).maxBufferBytes(10_000).build();
    private static TestServer server;
    private static DataSource dataSource;

    /**
     * Places where {@code </body>} is text, not the body's end, each in a page of its own: {@code {0}} is where
     * the page's real {@code </body>} goes, if any.
     */
    private static final Map<String, String> NOT_THE_END = Map.ofEntries(
            Map.entry("script", "<body><script>var end = '</body>';</script>{0}"),
            Map.entry("json", "<body><script type=\"application/json\">{\"html\":\"</body><img src=x onerror=alert(1)>\"}"
                    + "</script>{0}"),
            Map.entry("comment", "<body><!-- old footer </body> -->{0}"),
            Map.entry("template", "<body><template><p>row</p></body></template>{0}"),
            Map.entry("textarea", "<body><textarea>paste </body> here</textarea>{0}"),
            Map.entry("style", "<body><style>p::after { content: '</body>' }</style>{0}"),
            Map.entry("title", "<html><head><title>a </body> b</title></head><body>{0}"),
            Map.entry("noscript", "<body><noscript></body></noscript>{0}"),
            Map.entry("xmp", "<body><xmp></body></xmp>{0}"),
            Map.entry("plaintext", "<body>{0}<plaintext></body>"),
            Map.entry("cdata", "<body><svg><![CDATA[ </body> ]]></svg>{0}"),
            Map.entry("attribute", "<body><a title=\"</body>\" data-x='</body>'>x</a>{0}"),
            Map.entry("svg", "<body><svg><text></body></text></svg>{0}"));

    @BeforeParameterizedClassInvocation
    static void start(Container container) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:injection_" + container.name().toLowerCase() + ";DB_CLOSE_DELAY=-1");
        dataSource = TOOLBAR.wrap(h2);
        server = TestServer.with(TOOLBAR).on(container)
                .handle("/context", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    String end = request.getParameter("end") != null ? "<p>end</p></body></html>" : "";
                    byte[] page = NOT_THE_END.get(request.getParameter("c")).replace("{0}", end)
                            .getBytes(StandardCharsets.UTF_8);
                    if (request.getParameter("stream") != null) {
                        response.getOutputStream().write(page);
                    } else {
                        response.getWriter().write(new String(page, StandardCharsets.UTF_8));
                    }
                })
                .handle("/partial", (request, response) -> {
                    byte[] part = PAGE.substring(0, 20).getBytes(StandardCharsets.UTF_8);
                    byte[] whole = (PAGE + "\n").getBytes(StandardCharsets.UTF_8);
                    response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                    response.setContentType("text/html");
                    response.setHeader("Content-Range", "bytes 0-19/" + whole.length);
                    response.setContentLength(part.length);
                    response.getOutputStream().write(part);
                })
                .handle("/tail-partial", (request, response) -> {
                    response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                    response.setContentType("text/html");
                    response.setHeader("Content-Range", "bytes 30-80/81");
                    response.getWriter().write("<p>the tail of a page</p></body></html>");
                })
                .handle("/streamed", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    boolean bytes = request.getParameter("stream") != null;
                    write(response, bytes, "<html><body><p>first</p>");
                    if (bytes) {
                        response.getOutputStream().flush();
                    } else {
                        response.getWriter().flush();
                    }
                    SEEN_BEFORE_THE_END.set(CLIENT_SAW_FIRST.get().await(20, TimeUnit.SECONDS));
                    write(response, bytes, "<p>second</p></body></html>");
                })
                .handle("/flushed-when-done", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write(PAGE);
                    response.getWriter().flush();
                })
                .handle("/flushed-with-length", (request, response) -> {
                    byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
                    response.setContentType("text/html;charset=UTF-8");
                    response.setContentLength(page.length);
                    response.getOutputStream().write(page, 0, 10);
                    response.getOutputStream().flush();
                    response.getOutputStream().write(page, 10, page.length - 10);
                })
                .servlet("/head/page", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("text/html;charset=UTF-8");
                        response.getWriter().write(PAGE);
                    }
                })
                .servlet("/head/sized", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
                        response.setContentType("text/html;charset=UTF-8");
                        response.setContentLength(page.length);
                        response.getOutputStream().write(page);
                    }
                })
                .handle("/early/redirect", (request, response) -> {
                    runStatement();
                    response.sendRedirect(request.getContextPath() + "/writer");
                })
                .handle("/early/json", (request, response) -> {
                    runStatement();
                    response.setContentType("application/json");
                    response.getWriter().write("{\"a\":");
                    response.flushBuffer();
                    runStatement();
                    response.getWriter().write("1}");
                })
                .handle("/early/page", (request, response) -> {
                    runStatement();
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>early");
                    response.getWriter().flush();
                    response.getWriter().write("</body></html>");
                })
                .handle("/early/error", (request, response) -> {
                    runStatement();
                    response.sendError(HttpServletResponse.SC_CONFLICT);
                })
                .handle("/writer", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write(PAGE);
                })
                .handle("/stream", (request, response) -> {
                    byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                    response.setContentType("text/html");
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                })
                .handle("/latin1", (request, response) -> {
                    response.setContentType("text/html;charset=ISO-8859-1");
                    response.getWriter().write("<html><body>Café crème</body></html>");
                })
                .handle("/upper", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<HTML><BODY>one</BODY><!-- </body> in a comment --></HTML>");
                })
                .handle("/twice", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<body><pre>&lt;/body&gt;</pre></body>\n<body>second</body>\n");
                })
                .handle("/no-body", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<p>fragment without a body tag</p>");
                })
                .handle("/json", (request, response) -> {
                    response.setContentType("application/json");
                    response.getWriter().write("{\"body\":\"</body>\"}");
                })
                .handle("/css", (request, response) -> {
                    response.setContentType("text/css");
                    response.getWriter().write("body { color: red } /* </body> */");
                })
                .handle("/binary", (request, response) -> {
                    response.setContentType("application/octet-stream");
                    response.setContentLength(BINARY.length);
                    response.getOutputStream().write(BINARY);
                })
                .handle("/gzip", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    response.setHeader("Content-Encoding", "gzip");
                    response.setContentLength(GZIPPED.length);
                    response.getOutputStream().write(GZIPPED);
                })
                .handle("/not-modified", (request, response) -> {
                    response.setContentType("text/html");
                    response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                })
                .handle("/large", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>" + "x".repeat(20_000) + "</body></html>");
                })
                .handle("/flushed", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>early");
                    response.flushBuffer();
                    response.getWriter().write("</body></html>");
                })
                .handle("/helper-thread", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    java.io.PrintWriter writer = response.getWriter();
                    writer.write("<html><body><p>");
                    writer.print('a');
                    Thread helper = new Thread(() -> {
                        writer.print('b');
                        writer.write("cd".toCharArray());
                        writer.write("ef");
                    });
                    helper.start();
                    try {
                        helper.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    writer.write("g</p></body></html>");
                })
                .handle("/csp", (request, response) -> {
                    response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-r4nd0m'");
                    response.setContentType("text/html");
                    response.getWriter().write(PAGE);
                })
                .start();
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/writer", "/stream"})
    void injectsTheLoaderOnceBeforeTheClosingBodyTag(String path) {
        HttpResponse<byte[]> response = server.get(path);
        String body = new String(response.body(), StandardCharsets.UTF_8);

        String id = response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
        assertEquals(1, occurrences(body, "<script "), body);
        assertTrue(body.contains("data-tb-id=\"" + id + "\""), body);
        assertTrue(body.indexOf("data-tb-id") < body.lastIndexOf("</body>"), body);
        assertTrue(body.endsWith("</script></body></html>"), body);
        assertEquals(PAGE, body.replaceFirst("<script [^>]*></script>", ""));
        assertEquals(String.valueOf(response.body().length), response.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(response.headers().firstValue("Server-Timing").orElseThrow().startsWith("total;dur="));
        assertTrue(TOOLBAR.store().find(id).isPresent());
    }

    @Test
    void holdsWhatAnotherThreadOfTheRequestWritesInItsPlace() {
        String body = new String(server.get("/helper-thread").body(), StandardCharsets.UTF_8);

        assertTrue(body.startsWith("<html><body><p>abcdefg</p><script "), body);
        assertEquals(1, occurrences(body, "<script "), body);
    }

    @Test
    void keepsTheCharsetOfTheApplication() {
        HttpResponse<byte[]> response = server.get("/latin1");
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);

        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase().contains("iso-8859-1"));
        assertTrue(body.startsWith("<html><body>Café crème<script "), body);
        assertEquals(1, occurrences(body, "data-tb-id"));
    }

    @Test
    void findsTheLastClosingBodyTagInAnyCase() {
        String upper = server.getText("/upper").body();
        assertTrue(upper.startsWith("<HTML><BODY>one<script "), upper);
        assertTrue(upper.endsWith("</script></BODY><!-- </body> in a comment --></HTML>"), upper);

        String twice = server.getText("/twice").body();
        assertTrue(twice.startsWith("<body><pre>&lt;/body&gt;</pre></body>\n<body>second<script "), twice);
    }

    @Test
    void leavesAPageWithoutBodyTagUnchanged() {
        HttpResponse<String> response = server.getText("/no-body");
        assertEquals("<p>fragment without a body tag</p>", response.body());
        assertTrue(response.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
    }

    @Test
    void passesOtherContentThroughByteForByte() {
        assertEquals("{\"body\":\"</body>\"}", server.getText("/json").body());
        assertEquals("body { color: red } /* </body> */", server.getText("/css").body());

        HttpResponse<byte[]> binary = server.get("/binary");
        assertArrayEquals(BINARY, binary.body());
        assertEquals(String.valueOf(BINARY.length), binary.headers().firstValue("Content-Length").orElseThrow());

        HttpResponse<byte[]> gzip = server.send(HttpRequest.newBuilder(server.uri("/gzip"))
                .header("Accept-Encoding", "gzip"), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(GZIPPED, gzip.body());
        assertEquals(String.valueOf(GZIPPED.length), gzip.headers().firstValue("Content-Length").orElseThrow());

        for (String path : new String[] {"/json", "/binary", "/gzip"}) {
            assertTrue(server.get(path).headers().firstValue("X-Debug-Toolbar-Id").isPresent(), path);
        }
    }

    @Test
    void leavesHeadAndNotModifiedResponsesAlone() {
        HttpResponse<byte[]> head = server.send(HttpRequest.newBuilder(server.uri("/writer"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertTrue(head.headers().firstValue("X-Debug-Toolbar-Id").isPresent());

        HttpResponse<byte[]> notModified = server.get("/not-modified");
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
    }

    @Test
    void streamsPagesLargerThanTheBufferCapUntouched() {
        String body = server.getText("/large").body();
        assertEquals("<html><body>" + "x".repeat(20_000) + "</body></html>", body);
    }

    @Test
    void aPageTheApplicationCommittedItselfGetsTheToolbarAtItsEnd() {
        HttpResponse<String> response = server.getText("/flushed");
        assertTrue(response.body().startsWith("<html><body>early<script "), response.body());
        assertTrue(response.body().endsWith("</script></body></html>"), response.body());
        assertTrue(response.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
    }

    @Test
    void passesTheContentSecurityPolicyNonceOn() {
        String body = server.getText("/csp").body();
        assertTrue(body.contains(" nonce=\"r4nd0m\" defer></script></body>"), body);
    }

    private static final AtomicReference<CountDownLatch> CLIENT_SAW_FIRST = new AtomicReference<>();
    private static final AtomicBoolean SEEN_BEFORE_THE_END = new AtomicBoolean();

    @ParameterizedTest
    @ValueSource(strings = {"script", "json", "comment", "template", "textarea", "style", "title", "noscript", "xmp",
        "plaintext", "cdata", "attribute", "svg"})
    void injectsOnlyWhereTheBrowserEndsTheBody(String context) {
        String page = NOT_THE_END.get(context).replace("{0}", "");
        for (String writer : new String[] {"", "&stream"}) {
            HttpResponse<byte[]> alone = server.get("/context?c=" + context + writer);
            assertArrayEquals(page.getBytes(StandardCharsets.UTF_8), alone.body(), context + writer);
            assertTrue(alone.headers().firstValue("X-Debug-Toolbar-Not-Injected").orElseThrow()
                    .contains("</body>"), context);
            String headersPanel = server.getText("/__toolbar/requests/"
                    + alone.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow() + "/panels/headers").body();
            assertTrue(headersPanel.contains("X-Debug-Toolbar-Not-Injected"), "the record says why");
        }
        if (!context.equals("plaintext")) {
            String withEnd = NOT_THE_END.get(context).replace("{0}", "<p>end</p></body></html>");
            for (String writer : new String[] {"", "&stream"}) {
                String body = server.getText("/context?end&c=" + context + writer).body();
                assertEquals(1, occurrences(body, "data-tb-id="), body);
                int tag = body.indexOf("<script src=");
                assertTrue(body.startsWith(withEnd.substring(0, withEnd.indexOf("<p>end</p>")) + "<p>end</p><script "),
                        body);
                assertEquals(withEnd, body.substring(0, tag) + body.substring(body.indexOf("</script>", tag) + 9));
            }
        }
    }

    @Test
    void neverAltersAPartialResponse() {
        HttpResponse<String> part = server.getText("/partial");
        assertEquals(206, part.statusCode());
        assertEquals(PAGE.substring(0, 20), part.body());
        assertEquals("20", part.headers().firstValue("Content-Length").orElseThrow());

        HttpResponse<String> tail = server.getText("/tail-partial");
        assertEquals(206, tail.statusCode());
        assertEquals("<p>the tail of a page</p></body></html>", tail.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?stream"})
    void aFlushSendsThePageSoFarAndTheToolbarStillComesAtTheEnd(String output) throws Exception {
        CLIENT_SAW_FIRST.set(new CountDownLatch(1));
        SEEN_BEFORE_THE_END.set(false);
        HttpResponse<InputStream> response = server.send(HttpRequest.newBuilder(server.uri("/streamed" + output)),
                HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder body = new StringBuilder();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[256];
            while (!body.toString().contains("first</p>")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                body.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            CLIENT_SAW_FIRST.get().countDown();
            body.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(SEEN_BEFORE_THE_END.get(), "the browser saw the first part while the page was still running");
        String page = body.toString();
        assertTrue(page.startsWith("<html><body><p>first</p><p>second</p><script src="), page);
        assertTrue(page.endsWith("</script></body></html>"), page);
        assertEquals(1, occurrences(page, "data-tb-id="), page);
        assertTrue(response.headers().firstValue("Content-Length").isEmpty());
    }

    @Test
    void aPageFlushedOnceItsBodyEndedGoesOutWholeWithItsLengthAndFullTimings() {
        HttpResponse<byte[]> response = server.get("/flushed-when-done");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(PAGE, body.replaceFirst("<script [^>]*></script>", ""));
        assertTrue(body.endsWith("</script></body></html>"), body);
        assertEquals(String.valueOf(response.body().length), response.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(response.headers().firstValue("Server-Timing").orElseThrow().contains("desc=\"Total\""));
    }

    @Test
    void aPageFlushedWithItsLengthSetStaysAsItIs() {
        HttpResponse<String> response = server.getText("/flushed-with-length");
        assertEquals(PAGE, response.body());
        assertEquals(String.valueOf(PAGE.getBytes(StandardCharsets.UTF_8).length),
                response.headers().firstValue("Content-Length").orElse(String.valueOf(PAGE.length())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/head/page", "/head/sized", "/writer", "/stream"})
    void headAnswersWithTheContentLengthOfGet(String path) {
        HttpResponse<byte[]> get = server.get(path);
        HttpResponse<byte[]> head = server.send(HttpRequest.newBuilder(server.uri(path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
        String length = get.headers().firstValue("Content-Length").orElseThrow();
        assertEquals(String.valueOf(get.body().length), length);
        assertTrue(new String(get.body(), StandardCharsets.UTF_8).contains("data-tb-id="));
        assertEquals(length, head.headers().firstValue("Content-Length").orElseThrow(), path);
        assertEquals(0, head.body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/early/redirect", "/early/json", "/early/page", "/early/error"})
    void aResponseCommittedEarlyGetsTheTimingsKnownThen(String path) {
        HttpResponse<String> response = server.getText(path);
        String timing = response.headers().firstValue("Server-Timing").orElseThrow();
        assertTrue(timing.startsWith("total;dur="), timing);
        assertTrue(timing.contains("desc=\"Total until the response was committed\""), timing);
        assertTrue(timing.contains("sql;dur=") && timing.contains("SQL (1 query)"), timing);

        String whole = server.getText("/writer").headers().firstValue("Server-Timing").orElseThrow();
        assertTrue(whole.startsWith("total;dur=") && whole.contains("desc=\"Total\""), whole);
    }

    private static void write(HttpServletResponse response, boolean bytes, String text) throws IOException {
        if (bytes) {
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        } else {
            response.getWriter().write(text);
        }
    }

    private static void runStatement() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            statement.executeQuery().close();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static byte[] gzip(String text) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
