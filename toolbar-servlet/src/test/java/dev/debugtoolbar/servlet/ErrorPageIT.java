package dev.debugtoolbar.servlet;

import com.example.shop.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exception escaping the application: recorded with its stack, and the error page gets the toolbar. */
class ErrorPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).build();
    private static TestServer withErrorPage;
    private static TestServer withoutErrorPage;

    @BeforeAll
    static void start() throws Exception {
        withErrorPage = TestServer.with(TOOLBAR)
                .errorPage("/error")
                .handle("/checkout", (request, response) -> Orders.place("forty-two"))
                .handle("/missing", (request, response) -> response.sendError(404, "no such book"))
                .handle("/error", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!doctype html><html><body><h1>Our error page</h1><p>"
                            + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) + "</p></body></html>");
                })
                .start();
        withoutErrorPage = TestServer.with(TOOLBAR)
                .handle("/checkout", (request, response) -> Orders.place("forty-two"))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        withErrorPage.close();
        withoutErrorPage.close();
        TOOLBAR.close();
    }

    @Test
    void theApplicationsErrorPageCarriesTheToolbarOfTheFailedRequest() throws Exception {
        HttpResponse<String> page = page(withErrorPage, "checkout");

        assertEquals(500, page.statusCode());
        String id = TestServer.idOf(page);
        assertTrue(page.body().contains("<h1>Our error page</h1><p>500</p>"), page.body());
        assertTrue(page.body().contains("data-tb-id=\"" + id + "\""), page.body());
        assertTrue(page.body().indexOf("data-tb-id") < page.body().lastIndexOf("</body>"));
        assertTrue(page.headers().firstValue("Server-Timing").orElseThrow().startsWith("total;dur="));

        JsonNode record = withErrorPage.record(id);
        assertEquals(500, record.get("status").asInt());
        JsonNode chain = record.get("panels").get("exceptions").get("exceptions").get(0).get("chain");
        assertEquals("java.lang.IllegalStateException", chain.get(0).get("type").asText());
        assertEquals("Order forty-two cannot be placed", chain.get(0).get("message").asText());
        assertEquals("Caused by", chain.get(1).get("relation").asText());
        JsonNode top = chain.get(0).get("frames").get(0);
        assertTrue(top.get("text").asText().startsWith("com.example.shop.Orders.place("), top.toString());
        assertTrue(top.get("application").asBoolean());
        boolean jettyFrameIsForeign = false;
        for (JsonNode frame : chain.get(0).get("frames")) {
            jettyFrameIsForeign |= frame.get("text").asText().startsWith("org.eclipse.jetty.")
                    && !frame.get("application").asBoolean();
        }
        assertTrue(jettyFrameIsForeign);

        String html = withErrorPage.getText("__toolbar/requests/" + id + "/panels/exceptions").body();
        assertTrue(html.contains("tb-frame-app") && html.contains("Order forty-two cannot be placed"), html);
        assertTrue(withErrorPage.getText("__toolbar/requests/" + id).body().contains("NumberFormatException"),
                "the nav names the root cause");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Container.class)
    void aServletExceptionWrappingTheRealFailureLeadsWithItsRootCause(Container container) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        try (TestServer server = TestServer.with(toolbar).on(container).errorPage("/error")
                .handle("/reserve", (request, response) -> {
                    try {
                        Orders.reserve("42");
                    } catch (IllegalStateException e) {
                        throw new ServletException("Request processing failed", e);
                    }
                })
                .handle("/error", (request, response) -> {
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!doctype html><html><body><h1>Sorry</h1></body></html>");
                })
                .start()) {
            HttpResponse<String> page = page(server, "reserve");

            assertEquals(500, page.statusCode());
            String id = TestServer.idOf(page);
            JsonNode failure = server.record(id).get("panels").get("exceptions").get("exceptions").get(0);
            JsonNode root = failure.get("rootCause");
            assertEquals("java.lang.IllegalStateException", root.get("type").asText(), failure.toString());
            assertEquals("Order 42 is out of stock", root.get("message").asText());
            assertTrue(root.get("applicationFrame").asText().startsWith("com.example.shop.Orders.reserve(Orders.java:"),
                    root.toString());
            assertTrue(root.get("wrapped").asBoolean());
            JsonNode chain = failure.get("chain");
            assertEquals("jakarta.servlet.ServletException", chain.get(0).get("type").asText(), "the chain stays whole");
            assertEquals("java.lang.IllegalStateException", chain.get(chain.size() - 1).get("type").asText());

            String html = server.getText("__toolbar/requests/" + id + "/panels/exceptions").body();
            int lead = html.indexOf("tb-exception-root");
            assertTrue(lead > 0 && lead < html.indexOf("tb-exception-link"), html);
            assertTrue(html.indexOf("Order 42 is out of stock") < html.indexOf("tb-exception-link"), html);
            assertTrue(html.contains("Request processing failed"), html);
            String nav = server.getText("__toolbar/requests/" + id).body();
            assertTrue(nav.contains("IllegalStateException") && !nav.contains(">ServletException<"), nav);
        } finally {
            toolbar.close();
        }
    }

    @Test
    void anErrorTheApplicationSendsGetsTheToolbarOnItsErrorPageToo() throws Exception {
        HttpResponse<String> page = page(withErrorPage, "missing");

        assertEquals(404, page.statusCode());
        String id = TestServer.idOf(page);
        assertTrue(page.body().contains("Our error page") && page.body().contains("data-tb-id=\"" + id + "\""),
                page.body());
        assertEquals(404, withErrorPage.record(id).get("status").asInt());
    }

    @Test
    void withoutAnErrorPageTheContainersOwnPageIsLeftAloneAndTheFailureIsStillRecorded() throws Exception {
        HttpResponse<String> page = page(withoutErrorPage, "checkout");

        assertEquals(500, page.statusCode());
        assertFalse(page.body().contains("data-tb-id"), "the container writes its own page past every filter");
        JsonNode newest = JSON.readTree(withoutErrorPage.getText("__toolbar/api/requests?limit=1").body()).get(0);
        assertEquals("/checkout", newest.get("path").asText());
        assertEquals(500, newest.get("status").asInt());
        JsonNode exceptions = withoutErrorPage.record(newest.get("id").asText()).get("panels").get("exceptions");
        assertEquals(1, exceptions.get("exceptions").size());
    }

    private static HttpResponse<String> page(TestServer server, String path) {
        return server.sendText(HttpRequest.newBuilder(server.uri(path)).header("Accept", "text/html"));
    }
}
