package dev.debugtoolbar.sample;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.cache.JCacheRecorder;
import dev.debugtoolbar.sample.books.BookRepository;
import dev.debugtoolbar.sample.books.BooksServlet;
import dev.debugtoolbar.sample.books.PopularBooks;
import dev.debugtoolbar.sample.books.SearchServlet;
import dev.debugtoolbar.sample.db.BookshopDatabase;
import dev.debugtoolbar.sample.flags.FeatureFlags;
import dev.debugtoolbar.sample.flags.FlagsPanel;
import dev.debugtoolbar.sample.flags.FlagsServlet;
import dev.debugtoolbar.sample.stats.StatsRepository;
import dev.debugtoolbar.sample.stats.StatsServlet;
import dev.debugtoolbar.sample.web.ErrorPageServlet;
import dev.debugtoolbar.sample.web.FailServlet;
import dev.debugtoolbar.sample.web.Pages;
import dev.debugtoolbar.sample.web.RedirectServlet;
import dev.debugtoolbar.sample.web.TemplatePageServlet;
import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The sample bookshop on embedded Jetty, with the debug toolbar in front of every page.
 *
 * <p>From the command line: {@code java -jar sample-webapp.jar [--port N] [--host H]}. From a test:
 * <pre>{@code
 * try (SampleApp app = SampleApp.start(0)) {
 *     URI books = app.uri().resolve("books");
 * }
 * }</pre>
 */
public final class SampleApp implements AutoCloseable {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "::1", "0.0.0.0", "::", "localhost");
    private static final String CAFFEINE_JCACHE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

    private final Server server;
    private final BookshopDatabase database;
    private final DebugToolbar toolbar;
    private final CacheManager caches;
    private final URI uri;

    private SampleApp(Server server, BookshopDatabase database, DebugToolbar toolbar, CacheManager caches, URI uri) {
        this.server = server;
        this.database = database;
        this.toolbar = toolbar;
        this.caches = caches;
        this.uri = uri;
    }

    public static void main(String[] args) throws Exception {
        SampleApp app = start(optionsOrExit(args));
        System.out.println("Sample bookshop with the debug toolbar: " + app.uri());
    }

    private static LaunchOptions optionsOrExit(String[] args) {
        try {
            return LaunchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /** Starts the shop on the loopback interface; port {@code 0} picks a free port. */
    public static SampleApp start(int port) throws Exception {
        return start(new LaunchOptions(LaunchOptions.DEFAULT_HOST, port));
    }

    /**
     * Starts the shop with a fresh, seeded database and empty caches; Jetty's threads keep the JVM alive
     * until {@link #close()}.
     */
    public static SampleApp start(LaunchOptions options) throws Exception {
        BookshopDatabase database = BookshopDatabase.createSeeded();
        DebugToolbar toolbar = newToolbar();
        CacheManager rawCaches = newCaches();
        try {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(options.host());
            connector.setPort(options.port());
            server.addConnector(connector);
            server.setHandler(bookshop(toolbar, database.dataSource(), rawCaches));
            server.setStopAtShutdown(true);
            server.start();
            return new SampleApp(server, database, toolbar, rawCaches, baseUri(options.host(), connector.getLocalPort()));
        } catch (Exception e) {
            toolbar.close();
            rawCaches.close();
            database.close();
            throw e;
        }
    }

    /**
     * The shop's toolbar: on, intercepting redirects, and never showing the shop's JDBC helper as a call
     * site (its callers are the interesting ones).
     */
    static DebugToolbar newToolbar() {
        return DebugToolbar.builder().enabled(true).interceptRedirects(true).panel(new FlagsPanel())
                .skipCallSitePackages("dev.debugtoolbar.sample.db.").build();
    }

    /** A fresh, empty Caffeine JCache manager for the shop. */
    static CacheManager newCaches() {
        return Caching.getCachingProvider(CAFFEINE_JCACHE)
                .getCacheManager(URI.create("urn:bookshop:" + UUID.randomUUID()), SampleApp.class.getClassLoader());
    }

    /**
     * The web app, over any database that holds the shop's schema (H2 here, PostgreSQL in PostgresIT). The
     * toolbar filter comes first, for requests and for the error page's dispatches; the database was seeded
     * through the raw data source, and requests reach it only through the toolbar's wrapper, so that their
     * SQL is recorded. Likewise the caches are used through the toolbar's wrapper of the Caffeine JCache
     * manager, and the pages' Thymeleaf engine is instrumented (see {@link Pages}).
     */
    static ServletContextHandler bookshop(DebugToolbar toolbar, DataSource rawDataSource, CacheManager rawCaches) {
        DataSource dataSource = toolbar.wrap(rawDataSource);
        CacheManager caches = JCacheRecorder.wrap(rawCaches, toolbar);
        FlagsPanel flagsPanel = toolbar.panels().stream().filter(FlagsPanel.class::isInstance)
                .map(FlagsPanel.class::cast).findFirst().orElseThrow();
        FeatureFlags flags = FeatureFlags.ofTheShop(flagsPanel.listener(toolbar));

        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new DebugToolbarFilter(toolbar)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("static/"));

        Pages pages = new Pages(context.getServletContext(), toolbar);
        BookRepository books = new BookRepository(dataSource);
        context.addServlet(new TemplatePageServlet(pages, "home"), "");
        context.addServlet(new BooksServlet(books, new PopularBooks(books, caches), pages), "/books/*");
        context.addServlet(new SearchServlet(books, pages), "/search");
        context.addServlet(new FailServlet(), "/fail");
        context.addServlet(new RedirectServlet(pages), "/redirect");
        context.addServlet(new ErrorPageServlet(pages), "/error");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(Throwable.class, "/error");
        errors.addErrorPage(500, 599, "/error");
        context.setErrorHandler(errors);
        context.addServlet(new TemplatePageServlet(pages, "ajax"), "/ajax");
        context.addServlet(new StatsServlet(new StatsRepository(dataSource)), "/api/stats");
        context.addServlet(new FlagsServlet(flags, books, pages), "/flags");
        context.addServlet(ResourceServlet.class, "/static/*").setInitParameter("dirAllowed", "false");
        return context;
    }

    private static URI baseUri(String host, int port) throws URISyntaxException {
        String shown = LOCAL_HOSTS.contains(host) ? "localhost" : host;
        return new URI("http", null, shown, port, "/", null, null);
    }

    /** The shop's root, such as {@code http://localhost:8080/}. */
    public URI uri() {
        return uri;
    }

    /** Stops the server, detaches the toolbar from logging, closes the caches and drops the database. */
    @Override
    public void close() {
        try {
            toolbar.close();
            server.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not stop the sample bookshop", e);
        } finally {
            caches.close();
            database.close();
        }
    }
}
