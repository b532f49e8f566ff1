package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real Jetty on a random loopback port with the toolbar filter (mapped for REQUEST and ERROR dispatches)
 * in front of the given servlets.
 */
final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** What a test servlet does. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    static Builder with(DebugToolbar toolbar) {
        return new Builder(toolbar);
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** The id of the record a response belongs to. */
    static String idOf(HttpResponse<?> response) {
        return response.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
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
    public void close() throws Exception {
        server.stop();
    }

    static final class Builder {
        private final DebugToolbar toolbar;
        private AccessPolicy policy;
        private String contextPath = "/";
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private final Map<String, String> initParameters = new LinkedHashMap<>();
        private String errorPage;

        private Builder(DebugToolbar toolbar) {
            this.toolbar = toolbar;
        }

        Builder policy(AccessPolicy policy) {
            this.policy = policy;
            return this;
        }

        Builder contextPath(String contextPath) {
            this.contextPath = contextPath;
            return this;
        }

        /** Makes the container dispatch to {@code path} (an ERROR dispatch) for exceptions and 4xx/5xx errors. */
        Builder errorPage(String path) {
            this.errorPage = path;
            return this;
        }

        Builder initParameter(String name, String value) {
            initParameters.put(name, value);
            return this;
        }

        Builder servlet(String pathSpec, HttpServlet servlet) {
            servlets.put(pathSpec, servlet);
            return this;
        }

        Builder handle(String pathSpec, Handler handler) {
            return servlet(pathSpec, new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    try {
                        handler.handle(request, response);
                    } catch (IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }

        TestServer start() throws Exception {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(contextPath, ServletContextHandler.SESSIONS);
            DebugToolbarFilter filter = policy == null ? new DebugToolbarFilter(toolbar)
                    : new DebugToolbarFilter(toolbar, policy);
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
            servlets.forEach((spec, servlet) -> context.addServlet(new ServletHolder(servlet), spec));
            initParameters.forEach(context::setInitParameter);
            if (errorPage != null) {
                ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
                errors.addErrorPage(Throwable.class, errorPage);
                errors.addErrorPage(400, 599, errorPage);
                context.setErrorHandler(errors);
            }
            server.setHandler(context);
            server.start();
            String path = contextPath.endsWith("/") ? contextPath : contextPath + "/";
            return new TestServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + path));
        }
    }
}
