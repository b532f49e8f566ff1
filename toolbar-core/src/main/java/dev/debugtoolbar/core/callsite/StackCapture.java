package dev.debugtoolbar.core.callsite;

/**
 * The stack of one call, taken cheaply on the hot path and resolved only when the request ends.
 * {@link #capture()} creates a bare {@link Throwable}: the JVM records its frames natively, and the costly
 * {@link Throwable#getStackTrace()} (which builds a {@link StackTraceElement} per frame) runs once, in
 * {@link #resolve(StackFilter)}, however many calls share this capture.
 */
public final class StackCapture {

    private final Throwable stack;
    private CallSite resolved;

    private StackCapture(Throwable stack) {
        this.stack = stack;
    }

    /** The calling thread's stack, unresolved. */
    public static StackCapture capture() {
        return new StackCapture(new Throwable("call site"));
    }

    /** The application frames of the captured stack; computed on the first call, then remembered. */
    public synchronized CallSite resolve(StackFilter filter) {
        if (resolved == null) {
            resolved = filter.callSite(stack.getStackTrace());
        }
        return resolved;
    }
}
