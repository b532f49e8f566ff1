package dev.debugtoolbar.servlet;

import static dev.debugtoolbar.servlet.TestServer.html;
import static dev.debugtoolbar.servlet.TestServer.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.template.ThymeleafRecorder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import javax.sql.DataSource;
import java.io.Reader;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cross-site form post of 20 MB to a page that queries and renders what it was sent leaves a record within
 * its budget: measured by the toolbar ({@code sizeBytes}) and by the length of the record's JSON. On every container.
 */
@ParameterizedClass
@EnumSource(Container.class)
class RecordBoundsIT {

    /** The container this run of the class deploys to (in {@code start}). */
    @Parameter
    Container container;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_RECORD_BYTES = 1024 * 1024;
    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true)
            .maxRecordBytes(MAX_RECORD_BYTES).build();
    private static final TemplateEngine TEMPLATES = new TemplateEngine();

    static {
        TEMPLATES.setTemplateResolver(new StringTemplateResolver());
        ThymeleafRecorder.instrument(TEMPLATES, TOOLBAR);
    }

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(Container container) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bounds-" + container + ";DB_CLOSE_DELAY=-1");
        DataSource dataSource = TOOLBAR.wrap(h2);
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE comment (body CLOB)");
        }
        server = TestServer.with(TOOLBAR).on(container)
                .handle("/comment", (request, response) -> {
                    String body = read(request.getReader());
                    try (Connection connection = dataSource.getConnection()) {
                        for (int i = 0; i < 20; i++) {
                            query(connection, "SELECT COUNT(*) FROM comment WHERE body = ?", body);
                        }
                    }
                    Context model = new Context(Locale.ROOT, Map.of("comment", body));
                    html(response, TEMPLATES.process("<b th:text=\"${#strings.length(comment)}\">0</b>", model));
                })
                .start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void aHugeCrossSitePostLeavesARecordWithinItsBudget() throws Exception {
        String body = "comment=" + "<p>spam</p>".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = server.sendText(HttpRequest.newBuilder(server.uri("comment"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://attacker.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());

        String recordJson = server.getText("__toolbar/api/requests/" + TestServer.idOf(response)).body();
        JsonNode record = JSON.readTree(recordJson);

        long sizeBytes = record.path("sizeBytes").asLong();
        assertTrue(sizeBytes > 0 && sizeBytes <= MAX_RECORD_BYTES, "estimated size " + sizeBytes);
        assertEquals(MAX_RECORD_BYTES, record.path("maxRecordBytes").asLong());
        long jsonBytes = recordJson.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(jsonBytes <= MAX_RECORD_BYTES, "the record's JSON is " + jsonBytes + " bytes, for a "
                + body.length() + "-character post");

        JsonNode statements = record.path("panels").path("sql").path("queries");
        assertEquals(20, statements.size());
        JsonNode first = statements.get(0);
        assertTrue(first.path("params").get(0).asText().endsWith("more characters)"), "the parameter is cut");
        assertTrue(first.path("cut").asBoolean(), "the statement says so");
        assertFalse(first.path("explainable").asBoolean(), "and cannot be run again");
        JsonNode variable = record.path("panels").path("templates").path("templates").get(0).path("variables").get(0);
        assertTrue(variable.path("value").asText().length() < 1_000, "the template variable is a preview");
    }

    private static String read(Reader reader) throws java.io.IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }
}
