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

    /** Security class 8: nothing a logged object does reaches the application's logging call. */
    @Test
    void aHostileLoggedThrowableOrArgumentNeverReachesTheApplication() {
        LoggingStats stats = during(() -> {
            Logger jul = Logger.getLogger("com.example.shop.Hostile");
            jul.log(Level.SEVERE, "failed", new Unprintable());
            jul.log(Level.WARNING, "odd {0}", new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("toString");
                }
            });
            jul.log(Level.WARNING, (String) null);
            org.slf4j.LoggerFactory.getLogger("com.example.shop.Hostile").error("failed", new Unprintable());
            org.apache.logging.log4j.LogManager.getLogger("com.example.shop.Hostile").error("failed", new Unprintable());
        });

        assertEquals(5, stats.count(), () -> stats.records().toString());
        List<LogEntry> records = stats.records();
        for (int i : new int[] {0, 3, 4}) {
            assertEquals("failed", records.get(i).message());
            assertTrue(records.get(i).thrown().contains("[the stack trace of " + Unprintable.class.getName()
                    + " could not be written: java.lang.IllegalStateException]"), records.get(i).thrown());
        }
        assertEquals("odd {0}", records.get(1).message(), "the pattern, where its argument cannot be written");
        assertNull(records.get(2).message());
    }

    @Test
    void saysWhenItCapturesNothingBecauseNoFrameworkTookItsHook() {
        LoggingPanel detached = new LoggingPanel(toolbar.config().stackFilter(), 10, List::of);
        LoggingPanel attached = new LoggingPanel(toolbar.config().stackFilter(), 10, () -> List.of("Logback"));
        RequestContext context = toolbar.start(new FakeRequest("/"));
        detached.onRequestStart(context);

        LoggingStats none = detached.onRequestEnd(context);
        assertTrue(none.frameworks().isEmpty());
        assertEquals("not capturing", detached.subtitle(none));
        LoggingStats quiet = attached.onRequestEnd(context);
        assertEquals(List.of("Logback"), quiet.frameworks());
        assertEquals("0 records", attached.subtitle(quiet));
        assertEquals(List.of("java.util.logging", "Logback", "Log4j"),
                ((LoggingStats) toolbar.finish(context, new FakeResponse(200)).panel("logging").orElseThrow().stats())
                        .frameworks(), "a real toolbar's panel knows the frameworks it attached to");
    }

    /** An exception whose {@code toString} throws (so printing its stack trace fails too). */
    static final class Unprintable extends RuntimeException {
        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }
    }

    private LoggingStats during(Runnable application) {
        RequestContext context = toolbar.start(new FakeRequest("/orders"));
        try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
            application.run();
        }
        return (LoggingStats) toolbar.finish(context, new FakeResponse(200)).panel("logging").orElseThrow().stats();
    }
}
