package dev.debugtoolbar.core.callsite;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.cache.CacheRecorder;
import dev.debugtoolbar.core.cache.CacheStats;
import dev.debugtoolbar.core.exceptions.ExceptionsStats;
import dev.debugtoolbar.core.logging.LoggingStats;
import dev.debugtoolbar.core.sql.SqlStats;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.samples.shop.Store;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule decides what an application frame is, for every panel: an application whose code lives under a prefix
 * skipped by default ({@code org.springframework.samples.}) names it in {@code applicationPackages}, and the SQL
 * call site, the cache call site, the logging call site and the exception's first application frame all point at
 * its code.
 */
class ApplicationFramesTest {

    private static final String STORE = Store.class.getName() + ".";

    @Test
    void everyPanelFindsTheApplicationsCodeUnderItsApplicationPackages() throws Exception {
        List<String> sites = callSites(DebugToolbar.builder().applicationPackages("org.springframework.samples."));

        assertEquals(4, sites.size(), sites::toString);
        for (String site : sites) {
            assertTrue(site != null && site.startsWith(STORE), sites::toString);
        }
        assertTrue(sites.get(0).startsWith(STORE + "countBooks("), sites::toString);
        assertTrue(sites.get(1).startsWith(STORE + "cachedBook("), sites::toString);
        assertTrue(sites.get(2).startsWith(STORE + "logSale("), sites::toString);
        assertTrue(sites.get(3).startsWith(STORE + "buy("), sites::toString);
    }

    @Test
    void withoutTheOptionNoPanelTakesALibrarysFramesForTheApplications() throws Exception {
        List<String> sites = callSites(DebugToolbar.builder());

        assertEquals(4, sites.size(), sites::toString);
        assertFalse(sites.stream().anyMatch(site -> site != null && site.startsWith(STORE)), sites::toString);
    }

    /** The SQL, cache, logging call sites and the exception's first application frame, in that order. */
    private static List<String> callSites(DebugToolbar.Builder builder) throws Exception {
        try (DebugToolbar toolbar = builder.enabled(true).build()) {
            JdbcDataSource raw = new JdbcDataSource();
            raw.setURL("jdbc:h2:mem:application-frames-" + System.nanoTime());
            DataSource dataSource = toolbar.wrap(raw);
            CacheRecorder cache = CacheRecorder.of(toolbar);
            RequestContext context = toolbar.start(new FakeRequest("/shop"));
            try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
                Store.countBooks(dataSource);
                Store.cachedBook(cache);
                Store.logSale();
                try {
                    Store.buy();
                } catch (IllegalStateException e) {
                    context.recordException(new RuntimeException("Request processing failed", e));
                }
            }
            RequestRecord record = toolbar.finish(context, new FakeResponse(500));
            List<String> sites = new ArrayList<>();
            sites.add(((SqlStats) record.panel("sql").orElseThrow().stats()).queries().get(0).callSite());
            sites.add(((CacheStats) record.panel("cache").orElseThrow().stats()).calls().get(0).callSite());
            sites.add(((LoggingStats) record.panel("logging").orElseThrow().stats()).records().get(0).callSite());
            sites.add(((ExceptionsStats) record.panel("exceptions").orElseThrow().stats()).exceptions().get(0)
                    .rootCause().applicationFrame());
            return sites;
        }
    }
}
