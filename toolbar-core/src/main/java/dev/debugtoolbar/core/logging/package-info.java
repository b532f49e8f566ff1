/**
 * The Logging panel: records logged on a request's thread while it runs, through java.util.logging always
 * and through Logback (via SLF4J) and Log4j 2 when they are on the classpath. Those are optional
 * dependencies: their classes are touched only after {@link dev.debugtoolbar.core.logging.LogCapture} has
 * found them, so the toolbar loads and works without them.
 */
package dev.debugtoolbar.core.logging;
