package dev.debugtoolbar.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debugtoolbar.core.panel.Timing;
import java.util.Locale;
import java.util.Map;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class RecordAccessorTest {

    private static final TemplateEngine ENGINE = new TemplateEngine();

    /** A record of no toolbar package, as a user panel's stats may be. */
    public record Flag(String name, boolean on) {
        public String state() {
            return on ? "on" : "off";
        }
    }

    @BeforeAll
    static void install() {
        new ToolbarRenderer();
        ENGINE.setTemplateResolver(new StringTemplateResolver());
    }

    private static String render(String template, Object value) {
        return ENGINE.process(template, new Context(Locale.ROOT, Map.of("v", value)));
    }

    @Test
    void theToolbarsRecordsAreReadThroughIt() throws Exception {
        assertInstanceOf(RecordAccessor.class, OgnlRuntime.getPropertyAccessor(Timing.class));
        Timing timing = new Timing("sql", 1.5, "SQL");
        for (int read = 0; read < 2; read++) {
            assertEquals("sql 1.5 SQL", render("[[${v.name}]] [[${v.millis}]] [[${v.description}]]", timing));
        }
    }

    @Test
    void aPropertyNoRecordHasStillFailsAsInOgnl() {
        TemplateProcessingException failure = assertThrows(TemplateProcessingException.class,
                () -> render("[[${v.nothing}]]", new Timing("sql", 1.5, "SQL")));
        assertTrue(failure.getMessage().contains("v.nothing"), failure.getMessage());
    }

    @Test
    void otherRecordsReadAsBefore() {
        assertEquals("beta on", render("[[${v.name}]] [[${v.state}]]", new Flag("beta", true)));
    }
}
