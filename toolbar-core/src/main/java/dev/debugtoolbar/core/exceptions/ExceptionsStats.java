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
     * @param chain     the exception first, then its causes and suppressed exceptions
     * @param rootCause its innermost cause (the exception itself when it has none), which the panel leads with
     */
    public record Failure(List<Link> chain, RootCause rootCause) {
        public Failure {
            chain = List.copyOf(chain);
        }

        /** The exception itself. */
        public Link top() {
            return chain.get(0);
        }
    }

    /**
     * What an exception comes down to: the innermost of its causes, and where the application was when it
     * happened.
     *
     * @param type             its class name
     * @param message          its message, or {@code null}
     * @param applicationFrame the first application frame of its stack, else of the nearest exception wrapping it
     *                         that has one, or {@code null} when none has
     * @param wrapped          whether other exceptions wrap it (it is not the recorded exception itself)
     */
    public record RootCause(String type, String message, String applicationFrame, boolean wrapped) {
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
