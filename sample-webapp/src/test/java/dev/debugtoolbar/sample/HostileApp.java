package dev.debugtoolbar.sample;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.cache.JCacheRecorder;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.template.ThymeleafRecorder;
import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcDataSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.DefaultTemplateResolver;

/**
 * A small application on embedded Jetty that feeds the toolbar hostile input: it puts every payload of the
 * {@link XssPayload} corpus into every field the toolbar renders, and runs 20,000 statements in one request.
 * Its own pages never echo the payloads, so whatever runs in a browser ran through the toolbar.
 *
 * <pre>
 * GET  /form          a form whose POST (the test fills it) goes to /payloads/...
 * POST /payloads/*    payloads as SQL text and parameters, session attributes, response headers, template
 *                     names and variables, cache keys and log messages (query, form, path, request headers
 *                     and cookies come from the browser)
 * GET  /fail          throws an exception whose message holds every payload (the error page gets the toolbar)
 * GET  /redirect?n=N  redirects to payload N (intercepted: the toolbar shows where it would have gone)
 * GET  /many          runs 20,000 statements
 * </pre>
 */
final class HostileApp implements AutoCloseable {

    static final int MANY_STATEMENTS = 20_000;
    static final String PAGE = "<!doctype html><html><head><title>Hostile</title></head><body><h1>Hostile</h1>"
            + "</body></html>";
    private static final String FORM_PAGE = "<!doctype html><html><body><form method=\"post\" action=\"/payloads/x\">"
            + "</form></body></html>";
    private static final Logger LOG = Logger.getLogger(HostileApp.class.getName());

    private final Server server;
    private final CacheManager caches;
    private final DebugToolbar toolbar;
    private final URI uri;

    private HostileApp(Server server, CacheManager caches, DebugToolbar toolbar, URI uri) {
        this.server = server;
        this.caches = caches;
        this.toolbar = toolbar;
        this.uri = uri;
    }

    /** Starts the application on a free loopback port, with a toolbar that intercepts redirects. */
    static HostileApp start() throws Exception {
        List<XssPayload> corpus = XssPayload.corpus();
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).interceptRedirects(true)
                .panel(new PayloadPanel(corpus)).build();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DataSource dataSource = toolbar.wrap(h2);
        CacheManager caches = Caching.getCachingProvider(
                        "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
                .getCacheManager(URI.create("urn:hostile:" + UUID.randomUUID()), HostileApp.class.getClassLoader());
        Cache<String, String> cache = JCacheRecorder.wrap(caches, toolbar)
                .createCache("payloads", new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        TemplateEngine templates = new TemplateEngine();
        DefaultTemplateResolver anyName = new DefaultTemplateResolver();
        anyName.setTemplateMode(TemplateMode.HTML);
        anyName.setTemplate("<p th:text=\"${value}\">value</p>");
        templates.setTemplateResolver(anyName);
        ThymeleafRecorder.instrument(templates, toolbar);
        LOG.setLevel(Level.FINE); // FINE reaches the toolbar's handler, not the console's

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new DebugToolbarFilter(toolbar)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new Pages(corpus, dataSource, cache, templates)), "/");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(Throwable.class, "/error");
        context.setErrorHandler(errors);

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return new HostileApp(server, caches, toolbar,
                URI.create("http://localhost:" + connector.getLocalPort() + "/"));
    }

    /** The application's root, {@code http://localhost:PORT/}. */
    URI uri() {
        return uri;
    }

    /** The SQL the payloads request runs for {@code payload}: the payload as a literal and in a comment. */
    static String sqlOf(XssPayload payload) {
        return "SELECT ? AS param, '" + payload.text().replace("'", "''") + "' AS literal /* " + payload.text() + " */";
    }

    private static void everywhere(List<XssPayload> corpus, HttpServletRequest request, HttpServletResponse response,
            DataSource dataSource, Cache<String, String> cache, TemplateEngine templates) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (XssPayload payload : corpus) {
                try (PreparedStatement statement = connection.prepareStatement(sqlOf(payload))) {
                    statement.setString(1, payload.text());
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
            }
        }
        for (XssPayload payload : corpus) {
            int n = payload.number();
            request.getSession().setAttribute("s" + n, payload.text());
            response.addHeader("X-Xss-Out-" + n, payload.text());
            templates.process(payload.text(), new Context(Locale.ROOT, Map.of("value", payload.text())));
            if (cache.get(payload.text()) == null) {
                cache.put(payload.text(), payload.text());
            }
            LOG.fine(payload.text());
        }
    }

    private static void manyStatements(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT ? AS n")) {
            for (int i = 0; i < MANY_STATEMENTS; i++) {
                statement.setInt(1, i);
                statement.executeQuery().close();
            }
        }
    }

    private static void write(HttpServletResponse response, String html) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }

    @Override
    public void close() throws Exception {
        try {
            toolbar.close();
            server.stop();
        } finally {
            caches.close();
        }
    }

    /** The application's pages, told apart by their path (see the class comment). */
    private static final class Pages extends HttpServlet {
        private final transient List<XssPayload> corpus;
        private final transient DataSource dataSource;
        private final transient Cache<String, String> cache;
        private final transient TemplateEngine templates;

        Pages(List<XssPayload> corpus, DataSource dataSource, Cache<String, String> cache, TemplateEngine templates) {
            this.corpus = corpus;
            this.dataSource = dataSource;
            this.cache = cache;
            this.templates = templates;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            try {
                if (path.startsWith("/payloads/")) {
                    everywhere(corpus, request, response, dataSource, cache, templates);
                    write(response, PAGE);
                } else if (path.equals("/form")) {
                    write(response, FORM_PAGE);
                } else if (path.equals("/fail")) {
                    throw new IllegalStateException(corpus.stream().map(XssPayload::text)
                            .collect(Collectors.joining("\n")));
                } else if (path.equals("/redirect")) {
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", corpus.get(Integer.parseInt(request.getParameter("n")) - 1).text());
                } else if (path.equals("/many")) {
                    manyStatements(dataSource);
                    write(response, PAGE);
                } else if (path.equals("/error")) {
                    write(response, "<!doctype html><html><body><h1>Something went wrong</h1></body></html>");
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A custom panel whose title, subtitle and content are the payloads. */
    record PayloadPanel(List<XssPayload> corpus) implements Panel<PayloadPanel.Stats> {

        /** What the panel shows: every payload. */
        record Stats(List<String> payloads) {
        }

        /** Every payload, one after the other: the panel's title and subtitle. */
        String allPayloads() {
            return corpus.stream().map(XssPayload::text).collect(Collectors.joining(" "));
        }

        @Override
        public String id() {
            return "test.payloads";
        }

        @Override
        public String title() {
            return allPayloads();
        }

        @Override
        public Stats onRequestEnd(RequestContext context) {
            return new Stats(corpus.stream().map(XssPayload::text).toList());
        }

        @Override
        public String subtitle(Stats stats) {
            return allPayloads();
        }
    }
}
