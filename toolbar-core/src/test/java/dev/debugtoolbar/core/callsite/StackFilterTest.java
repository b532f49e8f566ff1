package dev.debugtoolbar.core.callsite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackFilterTest {

    @Test
    void keepsTheApplicationFramesInnermostFirst() {
        StackTraceElement[] stack = {
                frame("dev.debugtoolbar.core.cache.RecordingCache", "get", "RecordingCache.java", 40),
                frame("com.github.benmanes.caffeine.jcache.CacheProxy", "get", "CacheProxy.java", 200),
                frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
                frame("shop.books.BookService", "popular", "BookService.java", 42),
                frame("shop.web.BooksServlet", "doGet", "BooksServlet.java", 17),
                frame("org.eclipse.jetty.ee10.servlet.ServletHolder", "handle", "ServletHolder.java", 700)};

        CallSite site = StackFilter.defaults().callSite(stack);
        assertEquals("shop.books.BookService.popular(BookService.java:42)", site.frame());
        assertEquals(List.of(site.frame(), "shop.web.BooksServlet.doGet(BooksServlet.java:17)"), site.stack());
    }

    @Test
    void skipsLibrariesAndTheToolbarButNotTheApplicationsOnTopOfIt() {
        StackFilter filter = StackFilter.defaults();
        assertTrue(filter.isApplication("dev.debugtoolbar.sample.books.PopularBooks"));
        assertTrue(filter.isApplication("com.acme.Shop"));
        for (String library : new String[] {"java.util.HashMap", "javax.sql.DataSource", "jakarta.servlet.Filter",
                "jdk.internal.Foo", "sun.reflect.Bar", "com.sun.proxy.$Proxy1", "org.eclipse.jetty.server.Server",
                "org.apache.catalina.core.StandardWrapper", "org.thymeleaf.TemplateEngine",
                "net.ttddyy.dsproxy.proxy.StatementProxyLogic", "org.h2.jdbc.JdbcConnection",
                "org.postgresql.jdbc.PgStatement", "com.zaxxer.hikari.HikariDataSource",
                "com.github.benmanes.caffeine.cache.BoundedLocalCache", "org.springframework.jdbc.core.JdbcTemplate",
                "dev.debugtoolbar.core.cache.CacheRecorder", "dev.debugtoolbar.servlet.DebugToolbarFilter"}) {
            assertFalse(filter.isApplication(library), library);
        }
    }

    @Test
    void takesExtraSkippedAndApplicationPrefixes() {
        StackFilter filter = new StackFilter(List.of("com.acme.db."), List.of("org.springframework.samples."));
        assertFalse(filter.isApplication("com.acme.db.Jdbc"));
        assertTrue(filter.isApplication("com.acme.shop.Books"));
        assertTrue(filter.isApplication("org.springframework.samples.petclinic.OwnerController"));
        assertFalse(filter.isApplication("org.springframework.web.servlet.DispatcherServlet"));
    }

    @Test
    void describesFramesWithoutLinesAndSaysNothingWithoutApplicationFrames() {
        assertSame(CallSite.UNKNOWN, StackFilter.defaults().callSite(new StackTraceElement[] {
                frame("java.lang.Thread", "run", "Thread.java", 833)}));
        assertNull(CallSite.UNKNOWN.frame());
        assertEquals("shop.Native.call(Native Method)", StackFilter.defaults().callSite(new StackTraceElement[] {
                frame("shop.Native", "call", null, -2)}).frame());
        assertEquals("shop.NoLines.call(NoLines.java)", StackFilter.defaults().callSite(new StackTraceElement[] {
                frame("shop.NoLines", "call", "NoLines.java", -1)}).frame());
    }

    @Test
    void resolvesACapturedStackOnceLater() {
        StackCapture capture = StackCapture.capture();
        StackFilter filter = new StackFilter(List.of(), List.of(StackFilterTest.class.getName()));
        CallSite site = capture.resolve(filter);
        assertTrue(site.frame().startsWith(StackFilterTest.class.getName() + ".resolvesACapturedStackOnceLater("),
                site.frame());
        assertSame(site, capture.resolve(filter));
    }

    @Test
    void samplesRepeatsOfAKeyAndStopsAtTheLimit() {
        CallSiteSampler sampler = new CallSiteSampler(9);
        int own = 0;
        for (int i = 1; i <= 100; i++) {
            CallSiteSampler.Sample sample = sampler.sample("SELECT 1");
            assertNotNull(sample.capture());
            own += sample.inferred() ? 0 : 1;
        }
        assertEquals(7, own, "occurrences 1, 2, 4, 8, 16, 32 and 64");
        assertEquals(7, sampler.captured());
        assertFalse(sampler.limitReached());
        sampler.sample("SELECT 2");
        sampler.sample("SELECT 3");
        CallSiteSampler.Sample none = sampler.sample("SELECT 4");
        assertNull(none.capture());
        assertTrue(sampler.limitReached());
    }

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }
}
