package dev.debugtoolbar.core.exceptions;

import java.util.List;

/**
 * What the Exceptions panel shows: the exceptions of the request, each with its causes.
 *
 * @param exceptions the recorded exceptions in order, usually the one that escaped the application
 */
public record ExceptionsStats(List<Failure> exceptions) {

    public ExceptionsStats {
        exceptions = List.copyOf(exceptions);
    }

    /**
     * One recorded exception.
     *
     * @param chain the exception first, then its causes and suppressed exceptions
     */
    public record Failure(List<Link> chain) {
        public Failure {
            chain = List.copyOf(chain);
        }

        /** The exception itself. */
        public Link top() {
            return chain.get(0);
        }
    }

    /**
     * One throwable of a chain.
     *
     * @param relation     how it relates to the one before: empty for the first, {@code Caused by} or {@code Suppressed}
     * @param type         its class name
     * @param message      its message, or {@code null}
     * @param frames       its stack, innermost call first
     * @param omittedCount frames left out: shared with the throwable before it, or beyond the limit
     */
    public record Link(String relation, String type, String message, List<Frame> frames, int omittedCount) {
        public Link {
            frames = List.copyOf(frames);
        }
    }

    /**
     * One stack frame.
     *
     * @param text        as a stack trace prints it: {@code com.shop.Books.list(Books.java:42)}
     * @param application whether it is the application's own code rather than the JDK's, the container's, a
     *                    library's or the toolbar's
     */
    public record Frame(String text, boolean application) {
    }
}
