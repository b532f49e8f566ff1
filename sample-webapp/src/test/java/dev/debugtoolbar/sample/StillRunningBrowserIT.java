package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium, the toolbar's script following the page's fetch calls switches to a call as soon as its
 * response's headers arrive, while the call is still running: the toolbar answers "still running" (202) and the
 * script asks again until the record is there. The call's servlet ends only once its toolbar was asked for
 * twice, so the first answer was 202.
 */
class StillRunningBrowserIT {

    private static final String PAGE = "<!doctype html><html><body><button id=\"call\">call</button><script>"
            + "document.getElementById('call').addEventListener('click', function () {"
            + " fetch('/slow'); });"
            + "</script></body></html>";

    /** A permit for each request for a toolbar by id. */
    private final Semaphore toolbarAsked = new Semaphore(0);
    private Server server;
    private URI base;
    private HeadlessChromium browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        browser = HeadlessChromium.start();
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (request.getRequestURI().matches("/__toolbar/requests/[^/]+")) {
                    toolbarAsked.release();
                }
                chain.doFilter(request, response);
            }
        }), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new DebugToolbarFilter(toolbar)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(PAGE);
            }
        }), "/page");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.getWriter().write("{\"part\":1");
                response.flushBuffer();
                try {
                    toolbarAsked.drainPermits();
                    toolbarAsked.tryAcquire(2, 30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().write("}");
            }
        }), "/slow");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @AfterEach
    void stop() throws Exception {
        toolbarAsked.release(100);
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void followingSwitchesToACallThatWasStillRunningWhenItsHeadersArrived() {
        browser.open(base.resolve("page"));
        browser.script("window.localStorage.setItem('tb-follow-ajax', 'true');"
                + " window.localStorage.setItem('tb-open', 'true');");
        browser.open(base.resolve("page"));
        String pageId = (String) browser.await("the page's toolbar", "var host = document.querySelector('.tb-host');"
                + " return host && host.getAttribute('data-tb-ready') === 'true' && host.getAttribute('data-tb-request');");

        browser.script("document.getElementById('call').click();");

        browser.await("the toolbar of the call", "var host = document.querySelector('.tb-host');"
                + " return host.getAttribute('data-tb-request') !== arguments[0]"
                + " && host.getAttribute('data-tb-ready') === 'true';", pageId);
        assertEquals(List.of("/slow"), browser.toolbarTexts(".tb-path"));
    }
}
