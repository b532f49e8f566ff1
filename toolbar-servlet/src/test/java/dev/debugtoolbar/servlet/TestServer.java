package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real servlet container (Jetty by default, or Tomcat) on a random loopback port with the toolbar filter in
 * front of the given servlets (mapped for REQUEST and ERROR dispatches), and an HTTP client.
 */
final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Container.Deployment deployment;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(Container.Deployment deployment) {
        this.deployment = deployment;
    }

    /** What a test servlet does. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    /** A server whose application registers the filter of {@code toolbar} first. */
    static Builder with(DebugToolbar toolbar) {
        return new Builder(toolbar);
    }

    /** A server whose application registers no toolbar filter itself (for zero-config set-up). */
    static Builder withoutFilter() {
        return new Builder(null);
    }

    /** A request with these headers; a {@code Host} header gets the server's port (the test JVM allows setting it). */
    HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        headers.forEach((name, value) -> request.header(name,
                name.equals("Host") ? value + ":" + uri("/").getPort() : value));
        return request;
    }

    URI uri(String pathAndQuery) {
        return deployment.base().resolve(pathAndQuery);
    }

    /** The id of the record a response belongs to. */
    static String idOf(HttpResponse<?> response) {
        return response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
    }

    /** Answers a small HTML page whose paragraph is {@code text}, as an application page would. */
    static void html(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<html><body><p>" + text + "</p></body></html>");
    }

    /** Runs a query with {@code params} bound in order and reads every row, as an application would. */
    static void query(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }

    /** The JSON of the record with this id, from the toolbar's API. */
    JsonNode record(String id) {
        HttpResponse<String> response = getText("__toolbar/api/requests/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("no record " + id + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<byte[]> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getText(String pathAndQuery) {
        return sendText(HttpRequest.newBuilder(uri(pathAndQuery)));
    }

    HttpResponse<String> sendText(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            deployment.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the server", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the server", e);
        }
    }

    static final class Builder {
        private final DebugToolbar toolbar;
        private Container container = Container.JETTY;
        private AccessPolicy policy;
        private String contextPath = "";
        private boolean discover;
        private String errorPage;
        private boolean trustForwardedHeaders;
        private final Map<String, String> initParameters = new LinkedHashMap<>();
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private ServletContainerInitializer earlySetup = (classes, context) -> { };
        private ServletContainerInitializer extraSetup = (classes, context) -> { };
        private ServletContainerInitializer lateSetup = (classes, context) -> { };

        private Builder(DebugToolbar toolbar) {
            this.toolbar = toolbar;
        }

        Builder on(Container container) {
            this.container = container;
            return this;
        }

        Builder policy(AccessPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** {@code /shop}; default the root. */
        Builder contextPath(String contextPath) {
            this.contextPath = contextPath;
            return this;
        }

        /** Lets the container run the initializers it finds on the class path, as a deployed web app does. */
        Builder discoverInitializers() {
            this.discover = true;
            return this;
        }

        /** Makes the container dispatch to {@code path} (an ERROR dispatch) for exceptions and 4xx/5xx errors. */
        Builder errorPage(String path) {
            this.errorPage = path;
            return this;
        }

        /** Makes the container apply forwarding headers ({@code X-Forwarded-For}, ...) as a proxied one does. */
        Builder trustForwardedHeaders() {
            this.trustForwardedHeaders = true;
            return this;
        }

        /** Set-up of the application that runs first: filters registered here come before the toolbar's. */
        Builder before(ServletContainerInitializer setup) {
            this.earlySetup = setup;
            return this;
        }

        Builder initParameter(String name, String value) {
            initParameters.put(name, value);
            return this;
        }

        /** More set-up of the application, after its filter and servlets are registered. */
        Builder setup(ServletContainerInitializer setup) {
            this.extraSetup = setup;
            return this;
        }

        /** Set-up of the application that runs after the initializers the container discovered. */
        Builder lateSetup(ServletContainerInitializer setup) {
            this.lateSetup = setup;
            return this;
        }

        Builder servlet(String pathSpec, HttpServlet servlet) {
            servlets.put(pathSpec, servlet);
            return this;
        }

        Builder handle(String pathSpec, Handler handler) {
            return servlet(pathSpec, new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response)
                        throws IOException, ServletException {
                    try {
                        handler.handle(request, response);
                    } catch (IOException | ServletException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        TestServer start() throws Exception {
            ServletContainerInitializer setup = (classes, context) -> {
                earlySetup.onStartup(classes, context);
                if (toolbar != null) {
                    DebugToolbarFilter filter = policy == null ? new DebugToolbarFilter(toolbar)
                            : new DebugToolbarFilter(toolbar, policy);
                    var registration = context.addFilter("debugToolbar", filter);
                    registration.setAsyncSupported(true);
                    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");
                }
                // like every real application (Tomcat's DefaultServlet, Spring's DispatcherServlet) it maps "/":
                // Tomcat runs no filter for a URL that no servlet maps
                Map<String, HttpServlet> all = new LinkedHashMap<>(servlets);
                all.putIfAbsent("/", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    }
                });
                int index = 0;
                for (Map.Entry<String, HttpServlet> servlet : all.entrySet()) {
                    var registration = context.addServlet("servlet" + index++, servlet.getValue());
                    registration.setAsyncSupported(true);
                    registration.addMapping(servlet.getKey());
                }
                extraSetup.onStartup(classes, context);
            };
            return new TestServer(container.deploy(new Container.WebApp(contextPath, initParameters, setup, discover,
                    lateSetup, errorPage, trustForwardedHeaders)));
        }
    }
}
