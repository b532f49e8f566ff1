package dev.debugtoolbar.benchmarks.page;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.cache.JCacheRecorder;
import dev.debugtoolbar.core.template.ThymeleafRecorder;
import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcConnectionPool;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * One embedded Jetty on loopback serving the {@linkplain FixedPage fixed page} in every {@link PageMode}, each
 * under its own context path ({@code /none/}, {@code /hidden/}, {@code /shown/}), over one in-memory H2
 * database behind H2's connection pool and Caffeine's JCache. The toolbar is wired as the README tells a
 * user: the data source wrapped, the cache manager wrapped, the Thymeleaf engine instrumented and the filter
 * first on {@code /*}.
 *
 * <p>{@code java -cp benchmarks.jar dev.debugtoolbar.benchmarks.page.PageServer [port]} serves until killed;
 * {@code benchmarks/load.sh} runs it under load.
 */
public final class PageServer implements AutoCloseable {

    private static final String CAFFEINE_JCACHE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private final Server server;
    private final JdbcConnectionPool database;
    private final List<AutoCloseable> resources;
    private final URI uri;

    private PageServer(Server server, JdbcConnectionPool database, List<AutoCloseable> resources, URI uri) {
        this.server = server;
        this.database = database;
        this.resources = resources;
        this.uri = uri;
    }

    /**
     * Serves until the process is killed; prints the root URI first. Arguments: the port (default 0, a free one),
     * then the modes to serve (default all), such as {@code 0 shown}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        EnumSet<PageMode> modes = EnumSet.noneOf(PageMode.class);
        for (int i = 1; i < args.length; i++) {
            modes.add(PageMode.valueOf(args[i].toUpperCase(java.util.Locale.ROOT)));
        }
        PageServer pages = start(port, modes.isEmpty() ? EnumSet.allOf(PageMode.class) : modes);
        System.out.println("Serving the fixed page on " + pages.uri());
        Runtime.getRuntime().addShutdownHook(new Thread(pages::close));
    }

    /** Starts the server with every mode on 127.0.0.1; port {@code 0} picks a free one. */
    public static PageServer start(int port) throws Exception {
        return start(port, EnumSet.allOf(PageMode.class));
    }

    /**
     * Starts the server with {@code modes} only on 127.0.0.1: a JVM that serves one mode learns (JIT) that mode's
     * code alone, as an application's JVM does.
     */
    public static PageServer start(int port, Set<PageMode> modes) throws Exception {
        JdbcConnectionPool database = seededDatabase();
        List<AutoCloseable> resources = new ArrayList<>();
        Server server = new Server();
        try {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            ContextHandlerCollection contexts = new ContextHandlerCollection();
            for (PageMode mode : modes) {
                contexts.addHandler(context(mode, database, resources));
            }
            server.setHandler(contexts);
            server.start();
            return new PageServer(server, database, resources,
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
        } catch (Exception e) {
            server.stop();
            closeAll(resources);
            database.dispose();
            throw e;
        }
    }

    private static ServletContextHandler context(PageMode mode, DataSource rawDataSource, List<AutoCloseable> resources) {
        CacheManager rawCaches = Caching.getCachingProvider(CAFFEINE_JCACHE).getCacheManager(
                URI.create("urn:fixed-page:" + mode.path()), PageServer.class.getClassLoader());
        resources.add(rawCaches);
        TemplateEngine engine = templateEngine();
        ServletContextHandler context = new ServletContextHandler("/" + mode.path());
        DataSource dataSource = rawDataSource;
        CacheManager caches = rawCaches;
        if (mode != PageMode.NONE) {
            DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
            resources.add(toolbar);
            dataSource = toolbar.wrap(rawDataSource);
            caches = JCacheRecorder.wrap(rawCaches, toolbar);
            ThymeleafRecorder.instrument(engine, toolbar);
            DebugToolbarFilter filter = mode == PageMode.SHOWN ? new DebugToolbarFilter(toolbar)
                    : new DebugToolbarFilter(toolbar, request -> false);
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        }
        Cache<String, String> cache = caches.createCache("page",
                new MutableConfiguration<String, String>().setStoreByValue(false));
        context.addServlet(new ServletHolder(new FixedPage(dataSource, cache, engine)), "");
        return context;
    }

    private static TemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageServer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static JdbcConnectionPool seededDatabase() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:fixed-page;DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE book (id INT PRIMARY KEY, title VARCHAR(80), author VARCHAR(80),"
                    + " price DECIMAL(8, 2))");
            statement.execute("INSERT INTO book SELECT x, 'Book number ' || x, 'Author ' || MOD(x, 17),"
                    + " 5 + MOD(x * 37, 4000) / 100.0 FROM SYSTEM_RANGE(1, " + FixedPage.BOOKS + ")");
        }
        return pool;
    }

    /** The page of {@code mode}, such as {@code http://127.0.0.1:PORT/shown/}. */
    public URI uri(PageMode mode) {
        return uri.resolve(mode.path() + "/");
    }

    /** The server's root. */
    public URI uri() {
        return uri;
    }

    /** Stops the server, the toolbars and caches, and drops the database. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the page server", e);
        } finally {
            closeAll(resources);
            database.dispose();
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Could not close " + resource + ": " + e);
            }
        }
    }
}
