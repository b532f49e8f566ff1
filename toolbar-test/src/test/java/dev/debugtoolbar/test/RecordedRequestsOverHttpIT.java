package dev.debugtoolbar.test;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The helpers as a user's test suite uses them: an application on a real Jetty, its records read over HTTP from
 * the toolbar's JSON API, and the JUnit extension scoping {@code last()} to the running test.
 */
class RecordedRequestsOverHttpIT {

    private static Server server;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A permit for each request for a record by id. */
    private static final Semaphore RECORD_ASKED = new Semaphore(0);

    @RegisterExtension
    static final RecordedRequestsExtension REQUESTS = RecordedRequestsExtension.at(() -> base.resolve("__toolbar"));

    @BeforeAll
    static void start() throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:over-http");
        DataSource dataSource = toolbar.wrap(h2);

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (request.getRequestURI().startsWith("/__toolbar/api/requests/")) {
                    RECORD_ASKED.release();
                }
                chain.doFilter(request, response);
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new DebugToolbarFilter(toolbar)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/css");
                response.getWriter().write("body{}");
                response.flushBuffer();
                try {
                    // ends once the record was asked for twice: the first answer must have been "still running"
                    RECORD_ASKED.tryAcquire(2, 30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }), "/streamed.css");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                int times = Integer.parseInt(request.getParameter("times"));
                try (Connection connection = dataSource.getConnection()) {
                    for (int i = 0; i < times; i++) {
                        try (PreparedStatement statement = connection.prepareStatement("SELECT ? + 1")) {
                            statement.setInt(1, i);
                            try (ResultSet rows = statement.executeQuery()) {
                                rows.next();
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException(e);
                }
                response.setContentType("text/html");
                response.getWriter().write("<html><body>ran " + times + "</body></html>");
            }
        }), "/repeat");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
        get("repeat?times=1");
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void findsTheRequestOfAResponseAndExplainsItsNPlusOne() throws Exception {
        HttpResponse<String> page = get("repeat?times=8");

        RecordedRequest record = REQUESTS.of(page).assertAtMostStatements(8);
        assertEquals(8, record.statements().size());
        String message = assertThrows(AssertionError.class, record::assertNoNPlusOne).getMessage();
        assertTrue(message.startsWith("GET /repeat?times=8 (request " + record.id() + ") has the N+1 pattern"), message);
        assertTrue(message.contains("\n  8 × SELECT ? + 1\n      statements #0, #1, #2"), message);
    }

    @Test
    void lastIsOnlyEverARequestOfTheRunningTest() throws Exception {
        String message = assertThrows(AssertionError.class, REQUESTS::last).getMessage();
        assertTrue(message.contains("No request was recorded since this test began in the toolbar's API at "
                + base + "__toolbar/api/requests"), message);

        HttpResponse<String> page = get("repeat?times=2");

        assertEquals(page.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow(), REQUESTS.last().id());
        REQUESTS.last().assertAtMostStatements(2).assertNoDuplicates();
    }

    /**
     * A response whose headers arrive while its request still runs: the record is asked for at once, answered
     * "still running", asked for again, and found (the servlet ends only once asked twice).
     */
    @Test
    void findsTheRecordOfAResponseThatWasStillStreaming() throws Exception {
        RECORD_ASKED.drainPermits();
        HttpResponse<InputStream> streaming = HTTP.send(HttpRequest.newBuilder(base.resolve("streamed.css")).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        RecordedRequest record = REQUESTS.of(streaming).assertAtMostStatements(0);

        assertEquals(streaming.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow(), record.id());
        streaming.body().close();
    }

    @Test
    void explainsAToolbarThatAnswersNothing() {
        RecordedRequests wrongPrefix = RecordedRequests.at(base.resolve("_nothing_here"));
        String message = assertThrows(AssertionError.class, wrongPrefix::last).getMessage();
        assertTrue(message.contains("answered 404") && message.contains("is the toolbar enabled"), message);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
