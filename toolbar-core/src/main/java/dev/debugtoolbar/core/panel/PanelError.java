package dev.debugtoolbar.core.panel;

import dev.debugtoolbar.core.internal.Text;

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
        return new PanelError(Text.preview(failure), Text.stackTrace(failure, MAX_STACK_CHARS));
    }
}
