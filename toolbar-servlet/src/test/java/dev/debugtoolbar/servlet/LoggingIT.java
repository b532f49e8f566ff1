package dev.debugtoolbar.servlet;

import com.example.shop.Orders;
import com.example.shop.UnprintableException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Logging panel on Jetty, with java.util.logging, Logback (through SLF4J) and Log4j 2 all present. */
class LoggingIT {

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).build();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.with(TOOLBAR)
                .handle("/order", (request, response) -> {
                    Orders.logThroughEveryFramework(request.getParameter("id"));
                    CompletableFuture.runAsync(() -> Logger.getLogger("com.example.shop.Mailer")
                            .warning("sent on a pool thread")).join();
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>ordered</body></html>");
                })
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        TOOLBAR.close();
    }

    @Test
    void showsWhatTheRequestLoggedThroughEachFrameworkAndNothingElse() throws Exception {
        Logger.getLogger("com.example.shop.Startup").warning("logged outside any request");
        String id = TestServer.idOf(server.getText("order?id=%3Cb%3E42"));

        JsonNode logging = server.record(id).get("panels").get("logging");
        assertEquals(3, logging.get("count").asInt(), logging.toString());
        List<String> sources = new ArrayList<>();
        List<String> levels = new ArrayList<>();
        logging.get("records").forEach(record -> {
            sources.add(record.get("source").asText());
            levels.add(record.get("level").asText());
        });
        assertEquals(List.of("java.util.logging", "Logback", "Log4j"), sources);
        assertEquals(List.of("WARN", "INFO", "ERROR"), levels);
        JsonNode log4j = logging.get("records").get(2);
        assertEquals("com.example.shop.Shipping", log4j.get("logger").asText());
        assertEquals("label printer offline for order <b>42", log4j.get("message").asText());
        assertTrue(log4j.get("thrown").asText().startsWith("java.lang.IllegalStateException: printer offline"));

        String html = server.getText("__toolbar/requests/" + id + "/panels/logging").body();
        assertTrue(html.contains("charged order &lt;b&gt;42"), html);
        assertFalse(html.contains("<b>42"), html);
        assertFalse(html.contains("outside any request") || html.contains("pool thread"), html);
        String nav = server.getText("__toolbar/requests/" + id).body();
        assertTrue(nav.contains("3 records, 1 error"), nav);
    }

    /**
     * Security class 8: a logged exception whose {@code toString} throws. java.util.logging calls its handlers
     * without a guard of its own, so a toolbar handler that printed the stack trace unguarded turned the page
     * into a 500; the page answers as it does without the toolbar, and the panel shows what it could.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Container.class)
    void anUnprintableLoggedExceptionNeverReachesTheApplication(Container container) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        try (TestServer server = TestServer.with(toolbar).on(container)
                .handle("/pay", (request, response) -> {
                    Logger.getLogger("com.example.shop.Payments").log(Level.SEVERE, "payment failed",
                            new UnprintableException("card declined"));
                    org.slf4j.LoggerFactory.getLogger("com.example.shop.Payments")
                            .error("payment failed", new UnprintableException("card declined"));
                    org.apache.logging.log4j.LogManager.getLogger("com.example.shop.Payments")
                            .error("payment failed", new UnprintableException("card declined"));
                    response.setContentType("text/html");
                    response.getWriter().write("<html><body>paid</body></html>");
                })
                .start()) {
            HttpResponse<String> page = server.getText("pay");

            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("paid"), page.body());
            JsonNode logging = server.record(TestServer.idOf(page)).get("panels").get("logging");
            assertEquals(3, logging.get("count").asInt(), logging.toString());
            for (JsonNode record : logging.get("records")) {
                assertEquals("payment failed", record.get("message").asText(), record.toString());
                assertTrue(record.get("thrown").asText().contains("could not be written"), record.toString());
            }
        } finally {
            toolbar.close();
        }
    }
}
