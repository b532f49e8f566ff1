package dev.debugtoolbar.core.timer;

/**
 * What the Timer panel shows. CPU time and allocation are those of the thread that started the request,
 * and are {@code null} where the JVM does not measure them or the request ended on another thread.
 *
 * @param wallMillis     the request's wall time
 * @param cpuMillis      CPU time used by the request thread, user and system
 * @param allocatedBytes bytes allocated by the request thread
 */
public record TimerStats(double wallMillis, Double cpuMillis, Long allocatedBytes) {
}
