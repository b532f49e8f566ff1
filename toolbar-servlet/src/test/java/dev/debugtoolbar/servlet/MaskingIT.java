package dev.debugtoolbar.servlet;

import static dev.debugtoolbar.servlet.TestServer.html;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.template.ThymeleafRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret a request carries or makes reaches any panel's HTML or any JSON answer: secrets in the query string,
 * a path parameter, cookies and headers, a redirect to a URL with secrets, a logged JSON message, an exception's
 * message and a template variable that holds an Oracle connection string; on every container.
 */
@ParameterizedClass
@EnumSource(Container.class)
class MaskingIT {

    /** Every secret below holds this; none may be read back. */
    private static final String SECRET = "S3CRET";

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).build();
    private static final TemplateEngine TEMPLATES = new TemplateEngine();

    static {
        TEMPLATES.setTemplateResolver(new StringTemplateResolver());
        ThymeleafRecorder.instrument(TEMPLATES, TOOLBAR);
    }

    @Parameter
    Container container;

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(Container container) throws Exception {
        server = TestServer.with(TOOLBAR).on(container)
                .handle("/account", (request, response) -> {
                    Logger.getLogger("com.example.shop.Login")
                            .info("login {\"user\":\"ada\",\"password\":\"S3CRET-json\",\"remember\":true}");
                    TOOLBAR.current().ifPresent(record -> record.recordException(
                            new IllegalStateException("no connection to postgres://shop:S3CRET-p@ss/w@db/shop")));
                    Context model = new Context(Locale.ROOT, Map.of("title", "Account",
                            "dataSourceUrl", "jdbc:oracle:thin:scott/S3CRET-oracle@//db.internal:1521/ORCL"));
                    html(response, TEMPLATES.process("<b th:text=\"${title}\">x</b>", model));
                })
                .handle("/login", (request, response) -> response.sendRedirect(
                        "https://partner.test/callback;jsessionid=S3CRET-redirect-session"
                                + "?state=42&token=S3CRET-redirect-token&password=S3CRET-redirect-password"))
                .handle("/logout", (request, response) -> response.sendRedirect("/goodbye?state=42"))
                .start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void noSecretOfARequestReachesAPanelOrTheJson() {
        HttpResponse<String> page = server.sendText(HttpRequest.newBuilder(server.uri(
                        "/account;jsessionid=S3CRET-path?page=2&token=S3CRET-token&pwd=S3CRET-pwd&otp=S3CRET-otp"))
                .header("Authorization", "Bearer S3CRET-bearer")
                .header("X-Amz-Signature", "S3CRET-amz")
                .header("X-Hub-Signature-256", "sha256=S3CRET-hub")
                .header("X-Note", "signing with signingKey=S3CRET-signing")
                .header("Cookie", "SESSION=S3CRET-session; remember-me=S3CRET-remember; theme=dark"));
        assertEquals(200, page.statusCode());
        String id = TestServer.idOf(page);

        List<String> answers = everythingReadableAbout(id);
        assertNothingSecretIn(answers);
        String all = String.join("\n", answers);
        for (String visible : List.of("page=2", "theme", "dark", "com.example.shop.Login", "dataSourceUrl",
                "jdbc:oracle:thin:scott/", "X-Amz-Signature", Masking.MASK)) {
            assertTrue(all.contains(visible), "shows " + visible);
        }
    }

    @Test
    void aRedirectTargetWithSecretsIsShownMaskedAndNotLinked() {
        HttpResponse<String> redirect = server.getText("/login");
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElseThrow().contains("S3CRET-redirect-token"),
                "the application's redirect itself is untouched");
        String id = TestServer.idOf(redirect);

        assertNothingSecretIn(everythingReadableAbout(id));
        String panel = server.getText("/__toolbar/requests/" + id + "/panels/redirects").body();
        // a value runs to the next '&', ';', ',', quote or space: the path parameter's mask covers "?state=42"
        String masked = "https://partner.test/callback;jsessionid=" + Masking.MASK + "&amp;token=" + Masking.MASK
                + "&amp;password=" + Masking.MASK;
        assertTrue(panel.contains("<code class=\"tb-code tb-value\">" + masked + "</code>"), panel);
        assertFalse(panel.contains("href=\"https://partner.test"), "a target with a secret is not linked: " + panel);

        String safe = server.getText("/__toolbar/requests/" + TestServer.idOf(server.getText("/logout"))
                + "/panels/redirects").body();
        assertTrue(safe.contains("href=\"/goodbye?state=42\""), "a target without a secret stays a link: " + safe);
    }

    /** The record's JSON, the request list, the toolbar's HTML and every panel's HTML (History's included). */
    private static List<String> everythingReadableAbout(String id) {
        List<String> answers = new ArrayList<>();
        answers.add(ok(server.getText("/__toolbar/api/requests/" + id)));
        answers.add(ok(server.getText("/__toolbar/api/requests?limit=50")));
        answers.add(ok(server.getText("/__toolbar/requests/" + id)));
        for (Panel<?> panel : TOOLBAR.panels()) {
            answers.add(ok(server.getText("/__toolbar/requests/" + id + "/panels/" + panel.id())));
        }
        return answers;
    }

    private static String ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
        return response.uri() + "\n" + response.body();
    }

    private static void assertNothingSecretIn(List<String> answers) {
        for (String answer : answers) {
            int at = answer.indexOf(SECRET);
            assertTrue(at < 0, () -> "a secret in " + answer.substring(0, answer.indexOf('\n')) + ": …"
                    + answer.substring(Math.max(0, at - 200), Math.min(answer.length(), at + 100)) + "…");
        }
    }
}
