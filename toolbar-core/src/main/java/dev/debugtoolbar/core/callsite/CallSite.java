package dev.debugtoolbar.core.callsite;

import java.util.List;

/**
 * Where a recorded call came from, as the developer wants to read it.
 *
 * @param frame the first application frame, for example {@code shop.Books.list(Books.java:42)}, or
 *              {@code null} when every frame belonged to the JDK, a library or the toolbar
 * @param stack the application frames from that one outwards (the first is {@code frame}), at most
 *              {@link StackFilter#MAX_FRAMES}
 */
public record CallSite(String frame, List<String> stack) {

    /** A call whose stack was not captured or held no application frame. */
    public static final CallSite UNKNOWN = new CallSite(null, List.of());

    public CallSite {
        stack = List.copyOf(stack);
    }
}
