package dev.debugtoolbar.core.callsite;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallSiteTest {

    @Test
    void findsTheFirstFrameOfApplicationCode() {
        StackTraceElement[] stack = {
                frame("dev.debugtoolbar.core.cache.RecordingCache", "get", "RecordingCache.java", 40),
                frame("com.github.benmanes.caffeine.jcache.CacheProxy", "get", "CacheProxy.java", 200),
                frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
                frame("shop.books.BookService", "popular", "BookService.java", 42),
                frame("shop.web.BooksServlet", "doGet", "BooksServlet.java", 17),
                frame("org.eclipse.jetty.ee10.servlet.ServletHolder", "handle", "ServletHolder.java", 700)};

        assertEquals("shop.books.BookService.popular(BookService.java:42)", CallSite.firstApplicationFrame(stack));
    }

    @Test
    void countsTheSampleApplicationAsApplicationCodeButNotTheRestOfTheToolbar() {
        assertTrue(CallSite.isApplication("dev.debugtoolbar.sample.books.PopularBooks"));
        assertTrue(CallSite.isApplication("com.acme.Shop"));
        for (String library : new String[] {"java.util.HashMap", "javax.sql.DataSource", "jakarta.servlet.Filter",
                "jdk.internal.Foo", "sun.reflect.Bar", "com.sun.proxy.$Proxy1", "org.eclipse.jetty.server.Server",
                "org.apache.catalina.core.StandardWrapper", "org.thymeleaf.TemplateEngine",
                "net.ttddyy.dsproxy.proxy.StatementProxyLogic", "org.h2.jdbc.JdbcConnection",
                "com.zaxxer.hikari.HikariDataSource", "com.github.benmanes.caffeine.cache.BoundedLocalCache",
                "dev.debugtoolbar.core.cache.CacheRecorder", "dev.debugtoolbar.servlet.DebugToolbarFilter"}) {
            assertFalse(CallSite.isApplication(library), library);
        }
    }

    @Test
    void saysNothingWhenNoFrameIsTheApplications() {
        assertNull(CallSite.firstApplicationFrame(new StackTraceElement[] {
                frame("java.lang.Thread", "run", "Thread.java", 833)}));
        assertEquals("shop.Native.call(Native Method)", CallSite.firstApplicationFrame(new StackTraceElement[] {
                frame("shop.Native", "call", null, -2)}));
        assertEquals("shop.NoLines.call(NoLines.java)", CallSite.firstApplicationFrame(new StackTraceElement[] {
                frame("shop.NoLines", "call", "NoLines.java", -1)}));
    }

    @Test
    void resolvesACapturedStackLater() {
        CallSite site = CallSite.capture();
        String resolved = site.resolve();
        // this test is toolbar code, so the first application frame is the test framework's that called it
        assertFalse(resolved == null || resolved.startsWith("dev.debugtoolbar.core"), resolved);
    }

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }
}
