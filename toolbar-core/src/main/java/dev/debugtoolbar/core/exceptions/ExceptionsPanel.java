package dev.debugtoolbar.core.exceptions;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The built-in Exceptions panel: the exceptions recorded for the request ({@link RequestContext#recordException}),
 * above all the one that escaped the application, with their causes and stacks, the application's frames
 * marked.
 */
public final class ExceptionsPanel implements Panel<ExceptionsStats> {

    private static final int MAX_FRAMES = 200;
    private static final int MAX_CHAIN = 12;
    private static final int MAX_MESSAGE_CHARS = 4_000;

    @Override
    public String id() {
        return "exceptions";
    }

    @Override
    public String title() {
        return "Exceptions";
    }

    /** Its stats wait for the record's first reading: it reads only what the request left in its context. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public ExceptionsStats onRequestEnd(RequestContext context) {
        return new ExceptionsStats(context.exceptions().stream().map(ExceptionsPanel::failure).toList());
    }

    @Override
    public String subtitle(ExceptionsStats stats) {
        if (stats.exceptions().isEmpty()) {
            return "none";
        }
        String type = stats.exceptions().get(0).top().type();
        return type.substring(type.lastIndexOf('.') + 1)
                + (stats.exceptions().size() > 1 ? " and " + (stats.exceptions().size() - 1) + " more" : "");
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/exceptions.html";
    }

    private static ExceptionsStats.Failure failure(Throwable exception) {
        List<ExceptionsStats.Link> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        add(chain, seen, "", exception, null);
        return new ExceptionsStats.Failure(chain);
    }

    private static void add(List<ExceptionsStats.Link> chain, Set<Throwable> seen, String relation,
                            Throwable throwable, StackTraceElement[] enclosing) {
        if (throwable == null || chain.size() >= MAX_CHAIN || !seen.add(throwable)) {
            return;
        }
        StackTraceElement[] stack = throwable.getStackTrace();
        int common = enclosing == null ? 0 : framesInCommon(stack, enclosing);
        int shown = Math.min(stack.length - common, MAX_FRAMES);
        List<ExceptionsStats.Frame> frames = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            frames.add(new ExceptionsStats.Frame(stack[i].toString(),
                    ApplicationFrames.isApplication(stack[i].getClassName())));
        }
        chain.add(new ExceptionsStats.Link(relation, throwable.getClass().getName(),
                Text.cut(throwable.getMessage(), MAX_MESSAGE_CHARS), frames, stack.length - shown));
        for (Throwable suppressed : throwable.getSuppressed()) {
            add(chain, seen, "Suppressed", suppressed, stack);
        }
        add(chain, seen, "Caused by", throwable.getCause(), stack);
    }

    /** How many frames at the bottom of {@code stack} equal those at the bottom of {@code enclosing}. */
    private static int framesInCommon(StackTraceElement[] stack, StackTraceElement[] enclosing) {
        int m = stack.length - 1;
        int n = enclosing.length - 1;
        int common = 0;
        while (m >= 0 && n >= 0 && stack[m].equals(enclosing[n])) {
            m--;
            n--;
            common++;
        }
        return common;
    }
}
