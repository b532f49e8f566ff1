package dev.debugtoolbar.core.panel;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Why a panel has no stats for a request.
 *
 * @param message    the failure's type and message
 * @param stackTrace its stack trace, cut to a readable length
 */
public record PanelError(String message, String stackTrace) {

    private static final int MAX_STACK_CHARS = 8_000;

    /** The error shown for {@code failure}. */
    public static PanelError of(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        if (text.length() > MAX_STACK_CHARS) {
            text = text.substring(0, MAX_STACK_CHARS) + "\n\t...";
        }
        return new PanelError(failure.toString(), text);
    }
}
