package dev.debugtoolbar.servlet.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.history.HistoryStats;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.internal.RequestKind;
import dev.debugtoolbar.core.panel.PanelError;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.sql.QueryEvent;
import dev.debugtoolbar.core.sql.SqlStats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The JSON of the toolbar's API: request summaries, and whole records whose {@code panels.<id>} hold each
 * panel's stats (or {@code {"error": ...}} for a failed panel, or one whose stats cannot be serialized).
 * {@code {"disabled": true}} stands for a panel the user had switched off. A summary also says whether a
 * script made the request ({@code ajax}, from the History panel), how many statements it ran ({@code sqlCount},
 * from the SQL panel; {@code null} without one), and whether its response is a static file ({@code staticFile}:
 * a style sheet, script, image, font or media file, by its content type). It also gives the record's estimated
 * size ({@code sizeBytes}), its budget ({@code maxRecordBytes}) and how many details were dropped to keep within
 * it ({@code droppedForSize}).
 */
public final class RecordJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addMixIn(QueryEvent.class, QueryEventJson.class)
            .build();

    /**
     * The parameters as bound are kept for re-running; the JSON shows them as text ({@code params}) only. A
     * statement kept whole (almost all) leaves out {@code batchOmitted} and {@code cut}, to keep large records small.
     */
    @JsonIgnoreProperties("values")
    private abstract static class QueryEventJson {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract int batchOmitted();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean cut();
    }

    /** Writes any other value the endpoints answer with, such as the result of an EXPLAIN. */
    public void writeValue(Object value, OutputStream out) throws IOException {
        mapper.writeValue(out, value);
    }

    /** Writes the summaries of {@code records}, as a JSON array in their order. */
    public void writeSummaries(List<RequestRecord> records, OutputStream out) throws IOException {
        ArrayNode array = mapper.createArrayNode();
        records.forEach(record -> array.add(summary(record)));
        mapper.writeValue(out, array);
    }

    /** Writes one whole record. */
    public void writeRecord(RequestRecord record, OutputStream out) throws IOException {
        ObjectNode json = summary(record);
        ObjectNode panels = json.putObject("panels");
        record.panels().forEach((id, result) -> panels.set(id, panel(result)));
        mapper.writeValue(out, json);
    }

    private ObjectNode summary(RequestRecord record) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", record.id());
        json.put("startedAt", record.startedAt().toString());
        json.put("method", record.method());
        json.put("path", record.path());
        json.put("query", record.query());
        json.put("status", record.status());
        json.put("durationMillis", record.durationMillis());
        json.put("contentType", record.contentType());
        json.put("ajax", stats(record, "history") instanceof HistoryStats history && history.ajax());
        json.put("sqlCount", stats(record, "sql") instanceof SqlStats sql ? sql.queryCount() : null);
        json.put("staticFile", RequestKind.isStaticFile(record.contentType()));
        json.put("sizeBytes", record.size().bytes());
        json.put("maxRecordBytes", record.size().maxBytes());
        json.put("droppedForSize", record.size().dropped());
        return json;
    }

    private static Object stats(RequestRecord record, String panelId) {
        return record.panel(panelId).map(PanelResult::stats).orElse(null);
    }

    private JsonNode panel(PanelResult result) {
        if (result.failed()) {
            return error(result.error());
        }
        if (result.disabled()) {
            return mapper.createObjectNode().put("disabled", true);
        }
        return Guard.<JsonNode>call(() -> mapper.valueToTree(result.stats()),
                failure -> error(PanelError.of(failure)),
                "stats of panel " + result.id() + " cannot be written as JSON");
    }

    private ObjectNode error(PanelError error) {
        ObjectNode json = mapper.createObjectNode();
        json.putObject("error").put("message", error.message()).put("stackTrace", error.stackTrace());
        return json;
    }
}
