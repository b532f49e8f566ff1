package dev.debugtoolbar.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletResponse;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zero-config set-up on every container: the container finds {@link DebugToolbarInitializer} on the class path,
 * which registers the filter first in the chain when the toolbar is enabled, and nothing when it is not; the
 * application reaches the toolbar through the context attribute to wrap its data source; a filter the
 * application registers itself is never doubled; the {@code web.xml} constructor reads its init parameters.
 */
@ParameterizedClass
@EnumSource(Container.class)
class ZeroConfigIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA_SOURCE = "test.dataSource";

    @Parameter
    Container container;

    @Test
    void registersTheFilterFirstAndTheApplicationWrapsItsDataSourceWithThePublishedToolbar() throws Exception {
        try (TestServer server = application().initParameter("debugtoolbar.enabled", "true").start()) {
            assertEquals(DebugToolbar.class.getName(), DebugToolbarFilter.TOOLBAR_ATTRIBUTE);
            HttpResponse<String> state = server.getText("state");
            assertEquals("filters={app=" + ShortCircuit.class.getName() + ", debugToolbar="
                    + DebugToolbarFilter.class.getName() + "} toolbar=true", state.body());

            HttpResponse<String> answered = server.getText("answered-by-app-filter");
            assertTrue(answered.headers().firstValue("X-Debug-Toolbar-Id").isPresent(),
                    "the toolbar's filter runs before the application's");
            assertTrue(answered.body().contains("data-tb-id="), answered.body());

            HttpResponse<String> query = server.getText("query");
            String id = query.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
            JsonNode sql = json(server, "__toolbar/api/requests/" + id).get("panels").get("sql");
            assertEquals(1, sql.get("queryCount").asInt());
            assertEquals("SELECT 40 + 2", sql.get("queries").get(0).get("sql").asText());
        }
    }

    @Test
    void registersNothingWhileTheToolbarIsDisabled() throws Exception {
        try (TestServer server = application().initParameter("debugtoolbar.enabled", "false").start()) {
            assertEquals("filters={app=" + ShortCircuit.class.getName() + "} toolbar=false",
                    server.getText("state").body());
            HttpResponse<String> page = server.getText("answered-by-app-filter");
            assertFalse(page.headers().firstValue("X-Debug-Toolbar-Id").isPresent());
            assertFalse(page.body().contains("data-tb-id"));
            assertEquals(404, server.getText("__toolbar/api/requests").statusCode());
        }
    }

    @Test
    void isEnabledByTheSystemProperty() throws Exception {
        String before = System.getProperty("debugtoolbar.enabled");
        System.setProperty("debugtoolbar.enabled", "true");
        try (TestServer server = application().start()) {
            assertTrue(server.getText("answered-by-app-filter").headers().firstValue("X-Debug-Toolbar-Id").isPresent());
        } finally {
            if (before == null) {
                System.clearProperty("debugtoolbar.enabled");
            } else {
                System.setProperty("debugtoolbar.enabled", before);
            }
        }
    }

    @Test
    void leavesAFilterTheApplicationRegisteredItselfAlone() throws Exception {
        DebugToolbar own = DebugToolbar.builder().enabled(true).build();
        try (TestServer server = TestServer.with(own).on(container).discoverInitializers()
                .initParameter("debugtoolbar.enabled", "true")
                .servlet("/state", stateServlet()).start()) {
            assertEquals("filters={debugToolbar=" + DebugToolbarFilter.class.getName() + "} toolbar=false",
                    server.getText("state").body(), "the application's own registration, under the same name");
            String id = server.getText("state").headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
            assertTrue(own.store().find(id).isPresent());
        }
    }

    @Test
    void stepsAsideForAFilterTheApplicationRegistersAfterIt() throws Exception {
        TestServer.Builder application = application().initParameter("debugtoolbar.enabled", "true")
                .lateSetup((classes, context) -> {
                    DebugToolbar published = DebugToolbarFilter.toolbar(context).orElseThrow();
                    AccessPolicy policy = request -> request.getHeader("X-No-Toolbar") == null;
                    context.addFilter("mine", new DebugToolbarFilter(published, policy))
                            .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
                });
        try (TestServer server = application.start()) {
            assertTrue(server.getText("answered-by-app-filter").headers().firstValue("X-Debug-Toolbar-Id").isPresent());
            HttpResponse<String> refused = server.sendText(HttpRequest.newBuilder(server.uri("answered-by-app-filter"))
                    .header("X-No-Toolbar", "1"));
            assertFalse(refused.headers().firstValue("X-Debug-Toolbar-Id").isPresent(),
                    "only the application's filter, with its own policy, handles requests");
            assertFalse(refused.body().contains("data-tb-id"));
        }
    }

    @Test
    void theWebXmlConstructorReadsItsInitParametersAndPublishesItsToolbar() throws Exception {
        try (TestServer server = TestServer.withoutFilter().on(container)
                .setup((classes, context) -> {
                    FilterRegistration.Dynamic filter = context.addFilter("toolbar", DebugToolbarFilter.class);
                    filter.setInitParameter("enabled", "true");
                    filter.setInitParameter("pathPrefix", "/_debug");
                    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
                })
                .servlet("/state", stateServlet()).start()) {
            HttpResponse<String> state = server.getText("state");
            String id = state.headers().firstValue("X-Debug-Toolbar-Id").orElseThrow();
            assertEquals(200, server.getText("_debug/api/requests/" + id).statusCode());
            assertEquals(404, server.getText("__toolbar/api/requests/" + id).statusCode());
            assertTrue(server.getText("state").body().endsWith("toolbar=true"), "published for start-up code");
        }
    }

    /**
     * An application with no toolbar code of its own: a filter that answers one page itself, a listener that
     * wraps its data source with the toolbar it finds, a servlet that runs one query, one that reports state.
     */
    private TestServer.Builder application() {
        return TestServer.withoutFilter().on(container).discoverInitializers()
                .setup(ZeroConfigIT::setUpApplication)
                .servlet("/state", stateServlet())
                .handle("/query", (request, response) -> {
                    DataSource dataSource = (DataSource) request.getServletContext().getAttribute(DATA_SOURCE);
                    try (Connection connection = dataSource.getConnection();
                         Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
                        rows.next();
                        html(response, "answer " + rows.getInt(1));
                    }
                });
    }

    private static void setUpApplication(java.util.Set<Class<?>> classes, ServletContext context) {
        context.addFilter("app", new ShortCircuit())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/answered-by-app-filter");
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:zero-config");
                ServletContext servletContext = event.getServletContext();
                DataSource dataSource = DebugToolbarFilter.toolbar(servletContext)
                        .map(toolbar -> toolbar.wrap(h2)).orElse(h2);
                servletContext.setAttribute(DATA_SOURCE, dataSource);
            }
        });
    }

    private static jakarta.servlet.http.HttpServlet stateServlet() {
        return new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void doGet(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
                    throws java.io.IOException {
                ServletContext context = request.getServletContext();
                Map<String, String> filters = new TreeMap<>();
                context.getFilterRegistrations().forEach((name, registration) ->
                        filters.put(name, registration.getClassName()));
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("filters=" + filters + " toolbar="
                        + DebugToolbarFilter.toolbar(context).isPresent());
            }
        };
    }

    private static JsonNode json(TestServer server, String path) throws Exception {
        HttpResponse<String> response = server.getText(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void html(HttpServletResponse response, String text) throws java.io.IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<html><body><p>" + text + "</p></body></html>");
    }

    /** An application filter that answers its page itself, without going on down the chain. */
    public static final class ShortCircuit extends jakarta.servlet.http.HttpFilter {
        @Override
        protected void doFilter(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                jakarta.servlet.FilterChain chain) throws java.io.IOException {
            html(response, "answered by the application's filter");
        }
    }
}
