package dev.debugtoolbar.core.timer;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The built-in Timer panel. The browser's navigation timing is added by the toolbar's script. CPU time is the
 * thread's total: its user part is not measured, since on Linux reading it costs a {@code /proc} read (about
 * 15 µs, twice per request) and counts in clock ticks of 10 ms, coarser than most requests.
 */
public final class TimerPanel implements Panel<TimerStats> {

    private static final RequestContext.Key<Sample> START = new RequestContext.Key<>("timer.start", Sample.class);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuMeasured = measuresCpu(threads);
    private final com.sun.management.ThreadMXBean allocations = allocationBean(threads);

    @Override
    public String id() {
        return "timer";
    }

    @Override
    public String title() {
        return "Timer";
    }

    @Override
    public void onRequestStart(RequestContext context) {
        context.put(START, sample());
    }

    @Override
    public TimerStats onRequestEnd(RequestContext context) {
        Sample start = context.get(START);
        Sample end = sample();
        boolean sameThread = start != null && start.threadId() == end.threadId();
        Double cpu = sameThread && start.cpuNanos() >= 0 && end.cpuNanos() >= 0
                ? (end.cpuNanos() - start.cpuNanos()) / 1e6 : null;
        Long allocated = sameThread && start.allocatedBytes() >= 0 && end.allocatedBytes() >= 0
                ? end.allocatedBytes() - start.allocatedBytes() : null;
        return new TimerStats(context.durationMillis(), cpu, allocated);
    }

    @Override
    public String subtitle(TimerStats stats) {
        return Text.millis(stats.wallMillis());
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/timer.html";
    }

    private Sample sample() {
        long cpu = cpuMeasured ? threads.getCurrentThreadCpuTime() : -1;
        long allocated = allocations != null ? allocations.getCurrentThreadAllocatedBytes() : -1;
        return new Sample(Thread.currentThread().getId(), cpu, allocated);
    }

    private static boolean measuresCpu(ThreadMXBean threads) {
        return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    }

    private static com.sun.management.ThreadMXBean allocationBean(ThreadMXBean threads) {
        if (threads instanceof com.sun.management.ThreadMXBean extended
                && extended.isThreadAllocatedMemorySupported() && extended.isThreadAllocatedMemoryEnabled()) {
            return extended;
        }
        return null;
    }

    /** What the thread had used at one moment; negative where not measured. */
    private record Sample(long threadId, long cpuNanos, long allocatedBytes) {
    }
}
