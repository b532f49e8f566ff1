package dev.debugtoolbar.sample;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The loader in headless Chromium on pages that try to mislead it (an element named {@code currentScript}, a
 * {@code <base>} pointing at another server, which records every request it gets) and under the
 * Content-Security-Policies pages use: the toolbar opens and a panel loads with no violation reported, or, where
 * the page's policy forbids it, stays off and says why in the console.
 */
class PageSecurityBrowserIT {

    private static final String NONCE = "n0nceScr1pt";
    private static final String STYLE_NONCE = "n0nceStyl3";
    /** The page's own script, first in its head: keeps the console's warnings and any CSP violation. */
    private static final String WATCH = "<script nonce=\"" + NONCE + "\">window.seen = { warnings: [], violations: [] };"
            + " var warn = console.warn; console.warn = function () {"
            + "   window.seen.warnings.push(Array.prototype.join.call(arguments, ' ')); return warn.apply(console, arguments); };"
            + " document.addEventListener('securitypolicyviolation', function (e) {"
            + "   window.seen.violations.push(e.violatedDirective + ' ' + e.blockedURI); });</script>";

    /** Content-Security-Policy headers by page. */
    private static final Map<String, String> POLICIES = Map.of(
            "trusted-types", "require-trusted-types-for 'script'",
            "trusted-types-listed", "require-trusted-types-for 'script'; trusted-types app-policy debug-toolbar",
            "trusted-types-unlisted", "require-trusted-types-for 'script'; trusted-types app-policy",
            "default-and-script", "default-src 'self' 'nonce-d3fault'; script-src 'nonce-" + NONCE + "'",
            "style-nonce", "default-src 'self'; script-src 'nonce-" + NONCE + "'; style-src 'nonce-" + STYLE_NONCE + "'");

    private static final List<String> RECORDED = new CopyOnWriteArrayList<>();
    private static Server app;
    private static Server other;
    private static URI appUri;
    private static URI otherUri;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        if (!HeadlessChromium.installed()) {
            return;
        }
        other = server(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                RECORDED.add(request.getMethod() + " " + request.getRequestURI());
                response.setContentType("text/plain");
                response.getWriter().write("recorded");
            }
        }, null);
        otherUri = URI.create("http://127.0.0.1:" + port(other) + "/");
        app = server(new Pages(), DebugToolbar.builder().enabled(true).build());
        appUri = URI.create("http://localhost:" + port(app) + "/");
        browser = HeadlessChromium.start();
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(browser != null, HeadlessChromium.MISSING);
        RECORDED.clear();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        for (Server server : new Server[] {app, other}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void anElementNamedCurrentScriptDoesNotLeadTheLoaderAnywhere() {
        works("clobbered");
        assertEquals("IMG", browser.script("return document.currentScript && document.currentScript.tagName;"));
        assertEquals(List.of(), RECORDED);
    }

    @Test
    void aBaseElementPointingElsewhereChangesNothingTheToolbarFetches() {
        works("base");
        assertEquals(otherUri.toString(), browser.script("return document.baseURI;"));
        assertEquals(List.of(), RECORDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trusted-types", "trusted-types-listed", "default-and-script", "style-nonce", "meta"})
    void worksUnderThePagesContentSecurityPolicy(String page) {
        works(page);
        browser.settle();
        assertEquals(List.of(), browser.script("return window.seen.violations;"), page);
        assertEquals(List.of(), browser.script("return window.seen.warnings;"), page);
    }

    @Test
    void staysOffAndSaysWhyWhereTheTrustedTypesPolicyIsNotAllowed() {
        browser.visit(appUri.resolve("trusted-types-unlisted"));
        Object warnings = browser.await("the toolbar's warning",
                "return window.seen && window.seen.warnings.length > 0 ? window.seen.warnings : null;");
        assertEquals(1, ((List<?>) warnings).size(), String.valueOf(warnings));
        String warning = (String) ((List<?>) warnings).get(0);
        assertTrue(warning.contains("trusted-types") && warning.contains("debug-toolbar"), warning);
        assertEquals(Boolean.FALSE, browser.script("return document.querySelector('div.tb-host') !== null;"));
    }

    /** Opens {@code page}: the toolbar opens, its nav and the Request panel load. */
    private static void works(String page) {
        browser.open(appUri.resolve(page));
        List<String> panels = browser.openToolbar();
        assertTrue(panels.contains("request"), String.valueOf(panels));
        browser.openPanel("request");
    }

    /** The application's pages. */
    private static final class Pages extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String page = request.getRequestURI().substring(1);
            String head = WATCH;
            String body = "<h1>" + page + "</h1>";
            switch (page) {
                case "clobbered" -> body += "<img name=\"currentScript\" data-tb-id=\"forged\""
                        + " data-tb-base=\"" + otherUri + "evil\" data-tb-css=\"" + otherUri + "evil.css\">";
                case "base" -> head += "<base href=\"" + otherUri + "\">";
                case "meta" -> head = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';"
                        + " script-src 'nonce-" + NONCE + "'; style-src &apos;nonce-" + STYLE_NONCE + "'\">" + head;
                default -> {
                    String policy = POLICIES.get(page);
                    if (policy == null) {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                        return;
                    }
                    response.setHeader("Content-Security-Policy", policy);
                }
            }
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html><head><title>" + page + "</title>" + head + "</head><body>"
                    + body + "</body></html>");
        }
    }

    private static Server server(HttpServlet servlet, DebugToolbar toolbar) throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (toolbar != null) {
            context.addFilter(new FilterHolder(new DebugToolbarFilter(toolbar)), "/*",
                    EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        }
        context.addServlet(new ServletHolder(servlet), "/");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return server;
    }

    private static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
