package dev.debugtoolbar.ui;

import dev.debugtoolbar.core.RequestRecord;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.request.RequestStats;
import dev.debugtoolbar.core.sql.QueryEvent;
import dev.debugtoolbar.core.sql.SqlStats;
import dev.debugtoolbar.core.template.TemplateEvent;
import dev.debugtoolbar.core.template.TemplateStats;
import dev.debugtoolbar.core.timer.TimerStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panels say what was cut or dropped to keep a record within its budget. */
class RecordSizeRenderingTest {

    private final ToolbarRenderer renderer = new ToolbarRenderer();

    @Test
    void theTimerPanelShowsTheRecordsSizeAndWhatWasDropped() {
        String html = render("timer", "dev/debugtoolbar/ui/panels/timer.html", new TimerStats(1.0, null, null),
                new RequestRecord.Size(4_194_000, 4_194_304, 12));

        assertTrue(html.contains("Record size"), html);
        assertTrue(html.contains("4.0 MB"), html);
        assertTrue(html.contains("the record reached its budget of 4,194,304 bytes (maxRecordBytes): 12 details were"
                + " dropped"), html);
    }

    @Test
    void aRecordOfUnknownSizeShowsNoSizeCard() {
        String html = render("timer", "dev/debugtoolbar/ui/panels/timer.html", new TimerStats(1.0, null, null),
                RequestRecord.Size.UNKNOWN);

        assertFalse(html.contains("Record size"), html);
    }

    @Test
    void theSqlPanelSaysWhatItCut() {
        QueryEvent batch = new QueryEvent(0, "INSERT INTO t VALUES (?)", List.of("1"), List.of(List.of("1"),
                List.of("2")), 0, 1, 200_000, "c1", null, "ds1", null, null, List.of(), false, null, null, false,
                false, List.of(), null, 199_998, false);
        QueryEvent cut = new QueryEvent(1, "SELECT id FROM t WHERE name = ?",
                List.of("xxx… (20971020 more characters)"), List.of(), 1, 1, 0, "c1", null, "ds1", null, null, List.of(), false, null, null, false, false,
                List.of(), null, 0, true);
        SqlStats stats = new SqlStats(2, 2, 0, 0, List.of(batch, cut), 0, 0, List.of(), 0, 100, 0, 200, false,
                List.of(), 1, Map.of("ds1", "H2"), true);

        String html = render("sql", "dev/debugtoolbar/ui/panels/sql.html", stats, RequestRecord.Size.UNKNOWN);

        assertTrue(html.contains("Batch of 200000 (the first 2 kept, to keep the record small)"), html);
        assertTrue(html.contains("too long to keep whole and is shown cut, so it cannot be run again"), html);
        assertFalse(html.contains("data-tb-runnable=\"SELECT id FROM t WHERE name = 'xxx"),
                "a cut statement is not offered as runnable SQL");
    }

    @Test
    void theTemplatesAndRequestPanelsCountWhatTheyDidNotKeep() {
        TemplateEvent page = new TemplateEvent(0, "page", null, 0, null, 0, 1, 1, null, "HTML", true,
                List.of(new RequestStats.Entry("variable0", "v", "java.lang.String", false)), 29_999);
        String templates = render("templates", "dev/debugtoolbar/ui/panels/templates.html",
                new TemplateStats(1, 1, 0, List.of(page), true), RequestRecord.Size.UNKNOWN);
        assertTrue(templates.contains("29999 more variables were counted but not kept, to keep the record small."),
                templates);

        RequestStats request = new RequestStats("POST", "http://localhost/comment", null, "127.0.0.1", List.of(),
                List.of(), List.of(), List.of(), 4_000);
        String requestHtml = render("request", "dev/debugtoolbar/ui/panels/request.html", request,
                RequestRecord.Size.UNKNOWN);
        assertTrue(requestHtml.contains("4000 parameters, cookies or attributes were counted but not kept"),
                requestHtml);
    }

    private String render(String id, String template, Object stats, RequestRecord.Size size) {
        PanelResult panel = new PanelResult(id, id, "", template, stats, null, List.of());
        RequestRecord record = new RequestRecord("Zm9vYmFyYmF6cXV4cXV1eA", Instant.parse("2026-01-01T12:00:00Z"),
                "GET", "/", null, 200, 1.0, "text/html", Map.of(id, panel), List.of(), size);
        return renderer.renderPanel(record, panel, "/__toolbar");
    }
}
