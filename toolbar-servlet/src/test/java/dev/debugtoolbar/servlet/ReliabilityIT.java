package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.Timing;
import dev.debugtoolbar.core.store.RequestStore;
import jakarta.servlet.AsyncContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the application or a plug-in does, the toolbar never breaks the host page. */
class ReliabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "<!doctype html><html><body><h1>Grüße — 日本語</h1></body></html>";
    private static final int DOWNLOAD_BYTES = 50 * 1024 * 1024;
    private static final AtomicInteger CONTEXTS_SEEN_BY_PROBES = new AtomicInteger();

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true)
            .panel(new Failing("test.start")).panel(new Failing("test.end")).panel(new Failing("test.subtitle"))
            .panel(new Failing("test.timings")).panel(new Failing("test.title")).build();
    private static DataSource dataSource;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:reliability;DB_CLOSE_DELAY=-1");
        dataSource = TOOLBAR.wrap(h2);
        server = TestServer.with(TOOLBAR)
                .policy(AccessPolicy.clientAddressIn(TOOLBAR.config())
                        .and(request -> request.getHeader("X-Probe") == null))
                .handle("/page", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write(PAGE);
                })
                .handle("/chunks", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    for (int i = 0; i < 50; i++) {
                        response.getWriter().write("<p>chunk " + i + "</p>\n");
                        response.flushBuffer();
                    }
                    response.getWriter().write("</body></html>");
                })
                .handle("/async", (request, response) -> {
                    AsyncContext async = request.startAsync();
                    async.start(() -> {
                        try {
                            runStatement("async-" + request.getParameter("tag"));
                            async.getResponse().setContentType("text/html;charset=UTF-8");
                            async.getResponse().getWriter().write(PAGE);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            async.complete();
                        }
                    });
                })
                .handle("/error", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>partial");
                    response.sendError(418, "short and stout");
                })
                .handle("/redirect", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>moved</body></html>");
                    response.sendRedirect("/page?from=redirect");
                })
                .handle("/download", (request, response) -> {
                    response.setContentType("application/octet-stream");
                    response.setContentLengthLong(DOWNLOAD_BYTES);
                    OutputStream out = response.getOutputStream();
                    byte[] block = block();
                    for (int written = 0; written < DOWNLOAD_BYTES; written += block.length) {
                        out.write(block);
                    }
                })
                .handle("/probe", (request, response) -> {
                    if (TOOLBAR.current().isPresent()) {
                        CONTEXTS_SEEN_BY_PROBES.incrementAndGet();
                    }
                    response.setContentType("text/plain");
                    response.getWriter().write("probe");
                })
                .handle("/many", (request, response) -> {
                    try (Connection connection = dataSource.getConnection();
                         PreparedStatement statement = connection.prepareStatement("SELECT ? AS n")) {
                        for (int i = 0; i < 20_000; i++) {
                            statement.setInt(1, i);
                            statement.executeQuery().close();
                        }
                    }
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write(PAGE);
                })
                .handle("/statement", (request, response) -> {
                    runStatement(request.getParameter("tag"));
                    response.setContentType("text/html");
                    response.getWriter().write(PAGE);
                })
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void panelsThatThrowInAnyHookShowTheirErrorAndThePageIsServedComplete() throws Exception {
        HttpResponse<String> page = server.getText("/page");

        assertEquals(200, page.statusCode());
        assertEquals(PAGE, page.body().replaceFirst("<script [^>]*></script>", ""));
        String id = id(page);
        for (String panel : List.of("test.start", "test.end")) {
            String html = server.getText("/__toolbar/requests/" + id + "/panels/" + panel).body();
            assertTrue(html.contains("fails in " + panel), panel + ": " + html);
        }
        String toolbar = server.getText("/__toolbar/requests/" + id).body();
        assertTrue(toolbar.contains("data-tb-panel=\"test.title\""), "a panel without a title is listed by its id");
        JsonNode panels = json("/__toolbar/api/requests/" + id).get("panels");
        assertTrue(panels.get("test.end").has("error"));
        assertEquals("fine", panels.get("test.subtitle").asText());
        assertTrue(page.headers().firstValue("Server-Timing").orElseThrow().startsWith("total;"));
    }

    @Test
    void aFailingStoreStillServesThePage() throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).store(new BrokenStore()).build();
        try (TestServer broken = TestServer.with(toolbar).handle("/page", (request, response) -> {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write(PAGE);
        }).start()) {
            HttpResponse<String> page = broken.getText("/page");
            assertEquals(200, page.statusCode());
            assertEquals(PAGE, page.body().replaceFirst("<script [^>]*></script>", ""));
            for (String endpoint : List.of("__toolbar/api/requests/" + id(page), "__toolbar/api/requests",
                    "__toolbar/requests/" + id(page))) {
                HttpResponse<String> answer = broken.getText(endpoint);
                assertEquals(503, answer.statusCode(), endpoint);
                assertTrue(answer.body().contains("store down"), answer.body());
            }
        }
    }

    @Test
    void aPageStreamedInFlushedChunksStreamsAndGetsTheToolbarAtItsEnd() {
        HttpResponse<String> page = server.getText("/chunks");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            expected.append("<p>chunk ").append(i).append("</p>\n");
        }
        assertTrue(page.body().startsWith(expected + "<script "), page.body());
        assertEquals(expected + "</body></html>", page.body().replaceFirst("<script [^>]*></script>", ""));
        assertTrue(page.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
    }

    @Test
    void anAsyncRequestCompletedOnAnotherThreadIsRecordedWithItsStatements() throws Exception {
        HttpResponse<String> page = server.getText("/async?tag=a1");

        assertEquals(200, page.statusCode());
        assertEquals(PAGE, page.body());
        JsonNode sql = awaitRecord(id(page)).get("panels").get("sql");
        assertEquals(1, sql.get("queryCount").asInt());
        assertEquals("async-a1", sql.get("queries").get(0).get("params").get(0).asText());
    }

    @Test
    void sendErrorAndSendRedirectPassThrough() {
        HttpResponse<String> error = server.getText("/error");
        assertEquals(418, error.statusCode());
        assertFalse(error.body().contains("partial"), "sendError discards what was written before");
        assertFalse(error.body().contains("data-tb-id"));

        HttpResponse<String> redirect = server.getText("/redirect");
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElseThrow().endsWith("/page?from=redirect"));
        assertFalse(redirect.body().contains("data-tb-id"));
        assertTrue(redirect.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
    }

    @Test
    void aFiftyMegabyteDownloadStreamsThroughByteForByte() throws Exception {
        HttpResponse<InputStream> download = server.send(HttpRequest.newBuilder(server.uri("/download")),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream body = download.body()) {
            byte[] buffer = new byte[65536];
            for (int read; (read = body.read(buffer)) > 0; length += read) {
                received.update(buffer, 0, read);
            }
        }
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        byte[] block = block();
        for (int written = 0; written < DOWNLOAD_BYTES; written += block.length) {
            sent.update(block);
        }
        assertEquals(DOWNLOAD_BYTES, length);
        assertEquals(String.valueOf(DOWNLOAD_BYTES), download.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(sent.digest(), received.digest());
    }

    @Test
    void aRequestRunning20000StatementsKeepsItsRecordBounded() throws Exception {
        HttpResponse<String> page = server.getText("/many");
        assertEquals(200, page.statusCode());
        assertEquals(PAGE, page.body().replaceFirst("<script [^>]*></script>", ""));

        HttpResponse<String> record = server.getText("__toolbar/api/requests/" + id(page));
        JsonNode sql = JSON.readTree(record.body()).get("panels").get("sql");
        assertEquals(20_000, sql.get("queryCount").asInt());
        assertEquals(TOOLBAR.config().maxStatements(), sql.get("queries").size());
        assertEquals(20_000 - TOOLBAR.config().maxStatements(), sql.get("droppedCount").asInt());
        assertTrue(record.body().length() < 2_000_000, "the record's JSON is " + record.body().length() + " bytes");
        String subtitle = server.getText("__toolbar/requests/" + id(page)).body();
        assertTrue(subtitle.contains("20000 queries"), subtitle);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void leavesNothingBoundOnPooledThreads(int clients) throws Exception {
        CONTEXTS_SEEN_BY_PROBES.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            results.add(pool.submit(() -> server.getText("/statement?tag=t" + n).statusCode()));
            results.add(pool.submit(() -> server.send(HttpRequest.newBuilder(server.uri("/probe")).header("X-Probe", "1"),
                    HttpResponse.BodyHandlers.ofString()).statusCode()));
        }
        for (Future<Integer> result : results) {
            assertEquals(200, result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(0, CONTEXTS_SEEN_BY_PROBES.get(), "a probe request found a request context left on its thread");
    }

    private static JsonNode awaitRecord(String id) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> response = server.getText("__toolbar/api/requests/" + id);
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("request " + id + " was never recorded");
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = server.getText(path.substring(1));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String id(HttpResponse<String> response) {
        return response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
    }

    private static void runStatement(String tag) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT ? AS tag")) {
            statement.setString(1, tag);
            statement.executeQuery().close();
        }
    }

    private static byte[] block() {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31 + 7);
        }
        return block;
    }

    /** A user panel that throws in the hook its id names. */
    private record Failing(String id) implements Panel<String> {
        @Override
        public String title() {
            fail("test.title");
            return "Failing";
        }

        @Override
        public void onRequestStart(RequestContext context) {
            fail("test.start");
        }

        @Override
        public String onRequestEnd(RequestContext context) {
            fail("test.end");
            return "fine";
        }

        @Override
        public String subtitle(String stats) {
            fail("test.subtitle");
            return "";
        }

        @Override
        public List<Timing> timings(String stats) {
            fail("test.timings");
            return List.of();
        }

        private void fail(String hook) {
            if (hook.equals(id)) {
                throw new IllegalStateException("fails in " + hook);
            }
        }
    }

    /** A store that is down. */
    private static final class BrokenStore implements RequestStore {
        @Override
        public void save(RequestRecord record) {
            throw new IllegalStateException("store down");
        }

        @Override
        public Optional<RequestRecord> find(String id) {
            throw new IllegalStateException("store down");
        }

        @Override
        public List<RequestRecord> recent(int limit) {
            throw new IllegalStateException("store down");
        }
    }
}
