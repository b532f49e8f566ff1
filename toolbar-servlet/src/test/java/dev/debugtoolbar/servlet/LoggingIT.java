package dev.debugtoolbar.servlet;

import com.example.shop.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
}
