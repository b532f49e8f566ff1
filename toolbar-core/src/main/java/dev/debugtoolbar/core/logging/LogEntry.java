package dev.debugtoolbar.core.logging;

import java.time.Instant;

/**
 * One log record of a request.
 *
 * @param atMillis when it was logged, in milliseconds since the request began
 * @param time     when it was logged, as the logging framework stamped it
 * @param level    {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG} or {@code TRACE}
 * @param logger   the logger's name
 * @param message  the formatted message
 * @param thrown   the stack trace of the exception logged with it, or {@code null}
 * @param thread   the thread's name
 * @param source   the framework it came through: {@code java.util.logging}, {@code Logback} or {@code Log4j}
 * @param callSite the application frame that logged it, or {@code null} when none was found or no stack was
 *                 captured for it
 */
public record LogEntry(double atMillis, Instant time, String level, String logger, String message, String thrown,
                       String thread, String source, String callSite) {
}
