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

import java.io.ByteArrayOutputStream;
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

    @BeforeParameterizedClassInvocation
    static void start(Container container) throws Exception {
        server = TestServer.with(TOOLBAR).on(container)
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
        assertTrue(upper.startsWith("<HTML><BODY>one</BODY><!-- <script "), upper);

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
    void leavesAResponseTheApplicationCommittedItselfUntouched() {
        HttpResponse<String> response = server.getText("/flushed");
        assertEquals("<html><body>early</body></html>", response.body());
        assertTrue(response.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
    }

    @Test
    void passesTheContentSecurityPolicyNonceOn() {
        String body = server.getText("/csp").body();
        assertTrue(body.contains(" nonce=\"r4nd0m\" defer></script></body>"), body);
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
