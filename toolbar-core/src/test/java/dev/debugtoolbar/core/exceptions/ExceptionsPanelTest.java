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
        assertEquals("IllegalStateException", result.subtitle());
    }

    @Test
    void saysNoneForARequestWithoutExceptions() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        RequestContext context = toolbar.start(new FakeRequest("/"));
        ExceptionsStats stats = new ExceptionsPanel().onRequestEnd(context);
        assertTrue(stats.exceptions().isEmpty());
        assertEquals("none", new ExceptionsPanel().subtitle(stats));
    }
}
