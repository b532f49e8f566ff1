package dev.debugtoolbar.core.redirects;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectsPanelTest {

    @Test
    void linksOnlyToTargetsThatCannotRunScript() {
        assertEquals("/orders/42", RedirectsPanel.safeLink("/orders/42"));
        assertEquals("orders?done", RedirectsPanel.safeLink("orders?done"));
        assertEquals("https://shop.example/pay", RedirectsPanel.safeLink("https://shop.example/pay"));
        assertEquals("//cdn.example/x", RedirectsPanel.safeLink("//cdn.example/x"));
        assertNull(RedirectsPanel.safeLink("javascript:alert(document.cookie)"));
        assertNull(RedirectsPanel.safeLink(" JavaScript:alert(1)"));
        assertNull(RedirectsPanel.safeLink("java\tscript:alert(1)"), "browsers drop tabs and line breaks");
        assertNull(RedirectsPanel.safeLink("java\nscr\ript:alert(1)"));
        assertEquals("ht\ttps://shop.example/a", RedirectsPanel.safeLink("ht\ttps://shop.example/a"), "https, as read");
        assertNull(RedirectsPanel.safeLink("data:text/html,<script>alert(1)</script>"));
        assertNull(RedirectsPanel.safeLink(""));
    }

    @Test
    void knowsTheRedirectStatusesBrowsersFollow() {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            assertTrue(RedirectsPanel.isRedirect(status), String.valueOf(status));
        }
        for (int status : new int[] {200, 300, 304, 400}) {
            assertFalse(RedirectsPanel.isRedirect(status), String.valueOf(status));
        }
    }
}
