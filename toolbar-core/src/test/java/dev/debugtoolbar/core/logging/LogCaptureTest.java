package dev.debugtoolbar.core.logging;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real java.util.logging, Logback (through SLF4J) and Log4j 2, as an application would use them. */
class LogCaptureTest {

    private final DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();

    @AfterEach
    void close() {
        toolbar.close();
    }

    @Test
    void attachesToEveryFrameworkOnTheClassPath() {
        try (LogCapture capture = LogCapture.install(() -> null)) {
            assertEquals(List.of("java.util.logging", "Logback", "Log4j"), capture.frameworks());
        }
    }

    @Test
    void capturesWhatTheRequestsThreadLogsThroughEachFramework() {
        LoggingStats stats = during(() -> {
            Logger.getLogger("com.example.shop.Jul").log(Level.WARNING, "stock low for {0}", "Dune");
            org.slf4j.LoggerFactory.getLogger("com.example.shop.Slf4j").info("order {} placed", 42);
            org.apache.logging.log4j.LogManager.getLogger("com.example.shop.Log4j")
                    .error("payment failed", new IllegalStateException("card declined"));
        });

        assertEquals(3, stats.count());
        List<LogEntry> records = stats.records();
        assertEquals(List.of("java.util.logging", "Logback", "Log4j"), records.stream().map(LogEntry::source).toList());
        assertEquals(List.of("WARN", "INFO", "ERROR"), records.stream().map(LogEntry::level).toList());
        assertEquals(List.of("stock low for Dune", "order 42 placed", "payment failed"),
                records.stream().map(LogEntry::message).toList());
        assertEquals("com.example.shop.Jul", records.get(0).logger());
        assertNull(records.get(0).thrown());
        assertTrue(records.get(2).thrown().startsWith("java.lang.IllegalStateException: card declined"),
                records.get(2).thrown());
        assertEquals(1, stats.errorCount());
        assertEquals(1, stats.warningCount());
        assertTrue(records.get(0).atMillis() >= 0 && records.get(0).time() != null);
        assertEquals(Thread.currentThread().getName(), records.get(0).thread());
    }

    @Test
    void ignoresOtherThreadsAndUnboundTimes() throws Exception {
        Logger logger = Logger.getLogger("com.example.shop.Background");
        logger.warning("before the request");
        LoggingStats stats = during(() -> CompletableFuture.runAsync(() -> logger.warning("on another thread")).join());
        logger.warning("after the request");

        assertEquals(0, stats.count(), () -> stats.records().toString());
    }

    @Test
    void keepsALimitedNumberAndCountsTheRest() {
        Logger logger = Logger.getLogger("com.example.shop.Chatty");
        LoggingStats stats = during(() -> {
            for (int i = 0; i < LoggingPanel.MAX_RECORDS + 5; i++) {
                logger.warning("line " + i);
            }
        });

        assertEquals(LoggingPanel.MAX_RECORDS + 5, stats.count());
        assertEquals(LoggingPanel.MAX_RECORDS, stats.records().size());
        assertEquals(5, stats.droppedCount());
    }

    @Test
    void aClosedToolbarCapturesNothing() {
        toolbar.close();
        LoggingStats stats = during(() -> Logger.getLogger("com.example.shop.Late").warning("after close"));
        assertEquals(0, stats.count());
    }

    private LoggingStats during(Runnable application) {
        RequestContext context = toolbar.start(new FakeRequest("/orders"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            application.run();
        }
        return (LoggingStats) toolbar.finish(context, new FakeResponse(200)).panel("logging").orElseThrow().stats();
    }
}
