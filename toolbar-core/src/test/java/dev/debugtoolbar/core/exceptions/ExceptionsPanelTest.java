package dev.debugtoolbar.core.exceptions;

import com.example.shop.Checkout;
import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionsPanelTest {

    @Test
    void showsTheExceptionWithItsCauseAndMarksTheApplicationsFrames() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/checkout"));
        try {
            Checkout.placeOrder("forty-two");
        } catch (IllegalStateException e) {
            context.recordException(e);
            context.recordException(e);
        }

        var result = toolbar.finish(context, new FakeResponse(500)).panel("exceptions").orElseThrow();
        ExceptionsStats stats = (ExceptionsStats) result.stats();

        assertEquals(1, stats.exceptions().size(), "recorded once");
        List<ExceptionsStats.Link> chain = stats.exceptions().get(0).chain();
        assertEquals(2, chain.size());
        assertEquals("", chain.get(0).relation());
        assertEquals("java.lang.IllegalStateException", chain.get(0).type());
        assertEquals("Order forty-two could not be placed", chain.get(0).message());
        assertEquals("Caused by", chain.get(1).relation());
        assertEquals("java.lang.NumberFormatException", chain.get(1).type());

        ExceptionsStats.Frame top = chain.get(0).frames().get(0);
        assertTrue(top.text().startsWith("com.example.shop.Checkout.placeOrder("), top.text());
        assertTrue(top.application());
        assertTrue(chain.get(0).frames().stream().anyMatch(frame -> frame.text().startsWith("org.junit.")
                && !frame.application()), "library frames are not the application's");
        assertFalse(chain.get(1).frames().get(0).application(), "the JDK's parseInt");
        assertTrue(chain.get(1).omittedCount() > 0, "frames in common with the wrapping exception are left out");
        assertEquals("NumberFormatException", result.subtitle(), "the root cause");
    }

    @Test
    void leadsWithTheRootCauseOfAWrapperAndTheFirstApplicationFrameOnTheWayToIt() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/checkout"));
        try {
            Checkout.placeOrder("forty-two");
        } catch (IllegalStateException e) {
            context.recordException(new RuntimeException("Request processing failed", e));
        }

        var result = toolbar.finish(context, new FakeResponse(500)).panel("exceptions").orElseThrow();
        ExceptionsStats.Failure failure = ((ExceptionsStats) result.stats()).exceptions().get(0);

        ExceptionsStats.RootCause root = failure.rootCause();
        assertEquals("java.lang.NumberFormatException", root.type());
        assertEquals("For input string: \"forty-two\"", root.message());
        assertTrue(root.wrapped());
        assertTrue(root.applicationFrame().startsWith("com.example.shop.Checkout.placeOrder(Checkout.java:"),
                "parseInt is the JDK's: the nearest application frame is the caller's: " + root.applicationFrame());
        assertEquals(List.of("java.lang.RuntimeException", "java.lang.IllegalStateException",
                "java.lang.NumberFormatException"), failure.chain().stream().map(ExceptionsStats.Link::type).toList(),
                "the chain stays whole");
        assertEquals("NumberFormatException", result.subtitle());
    }

    @Test
    void anExceptionWithoutCauseIsItsOwnRootCause() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        context.recordException(new IllegalArgumentException("bad page"));

        ExceptionsStats stats = (ExceptionsStats) toolbar.finish(context, new FakeResponse(500)).panel("exceptions")
                .orElseThrow().stats();

        ExceptionsStats.RootCause root = stats.exceptions().get(0).rootCause();
        assertEquals("java.lang.IllegalArgumentException", root.type());
        assertEquals("bad page", root.message());
        assertFalse(root.wrapped());
    }

    @Test
    void showsWhatItCanOfAnExceptionWhoseMethodsThrow() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        context.recordException(new Hostile());

        var result = toolbar.finish(context, new FakeResponse(500)).panel("exceptions").orElseThrow();

        assertFalse(result.failed(), () -> String.valueOf(result.error()));
        ExceptionsStats.Link link = ((ExceptionsStats) result.stats()).exceptions().get(0).chain().get(0);
        assertEquals(Hostile.class.getName(), link.type());
        assertEquals("[getMessage() failed with java.lang.IllegalStateException]", link.message());
        assertTrue(link.frames().isEmpty());
        assertEquals("ExceptionsPanelTest$Hostile", result.subtitle());
    }

    /** An exception whose every method throws, and which equals nothing and hashes to nothing. */
    static final class Hostile extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }

        @Override
        public boolean equals(Object other) {
            throw new IllegalStateException("equals");
        }

        @Override
        public int hashCode() {
            throw new IllegalStateException("hashCode");
        }
    }

    @Test
    void saysNoneForARequestWithoutExceptions() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        ExceptionsPanel panel = new ExceptionsPanel(toolbar.config().stackFilter());
        ExceptionsStats stats = panel.onRequestEnd(context);
        assertTrue(stats.exceptions().isEmpty());
        assertEquals("none", panel.subtitle(stats));
    }
}
