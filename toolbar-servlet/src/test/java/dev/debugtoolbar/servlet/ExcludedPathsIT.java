package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests to excluded paths (static assets by default, or the configured patterns) are served untouched: no
 * toolbar, no header, no record; other paths are recorded as before. On every container, under a context path.
 */
@ParameterizedClass
@EnumSource(Container.class)
class ExcludedPathsIT {

    @Parameter
    Container container;

    private static final String PAGE = "<html><body>asset</body></html>";

    @ParameterizedTest(name = "{0}: recorded {1}")
    @CsvSource({"/webjars/jquery/jquery.js, false", "/favicon.ico, false", "/robots.txt, false",
            "/.well-known/security.txt, false", "/js/app.js.map, false", "/js/app.js, true", "/webjars, true",
            "/favicon.ico.html, true", "/page, true"})
    void byDefaultStaticAssetsOfLibrariesAndBrowsersAreNotRecorded(String path, boolean recorded) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        assertRecorded(toolbar, path, recorded);
    }

    @ParameterizedTest(name = "{0}: recorded {1}")
    @CsvSource({"/assets/site.css, false", "/health, false", "/img/logo.PNG, false", "/healthz, true",
            "/webjars/jquery/jquery.js, true", "/page, true"})
    void configuredPatternsReplaceTheDefaults(String path, boolean recorded) throws Exception {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true)
                .options(Map.of("excludedPaths", "/assets/, /health, *.png")::get).build();
        assertRecorded(toolbar, path, recorded);
    }

    private void assertRecorded(DebugToolbar toolbar, String path, boolean recorded) throws Exception {
        try (TestServer server = TestServer.with(toolbar).on(container).contextPath("/shop")
                .handle("/*", (request, response) -> {
                    response.setContentType("text/html");
                    response.getWriter().write(PAGE);
                }).start()) {
            HttpResponse<String> answer = server.getText(path.substring(1));
            assertEquals(200, answer.statusCode());
            assertEquals(recorded, answer.headers().firstValue("X-Debug-Toolbar-Id").isPresent(), path);
            assertEquals(recorded, answer.headers().firstValue("Server-Timing").isPresent(), path);
            assertEquals(recorded, answer.body().contains("data-tb-id"), answer.body());
            assertEquals(recorded ? 1 : 0, toolbar.store().recent(10).size());
            if (!recorded) {
                assertEquals(PAGE, answer.body());
            } else {
                assertTrue(answer.body().startsWith("<html><body>asset"));
            }
        }
    }
}
