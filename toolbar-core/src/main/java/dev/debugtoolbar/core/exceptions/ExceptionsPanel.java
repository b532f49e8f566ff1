package dev.debugtoolbar.core.exceptions;

import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.callsite.StackFilter;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.panel.Panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The built-in Exceptions panel: the exceptions recorded for the request ({@link RequestContext#recordException}),
 * above all the one that escaped the application. Each leads with its root cause (a wrapper such as a
 * {@code ServletException} says little) and the first application frame that led to it, then shows the whole
 * chain with stacks, the application's frames marked by the toolbar's one {@link StackFilter}. An exception
 * whose methods throw ({@code getMessage}, {@code getStackTrace}, {@code getCause}) is shown as far as it can be.
 */
public final class ExceptionsPanel implements Panel<ExceptionsStats> {

    private static final int MAX_FRAMES = 200;
    private static final int MAX_CHAIN = 12;
    private static final int MAX_MESSAGE_CHARS = 4_000;
    private static final StackTraceElement[] NO_FRAMES = {};
    private static final Throwable[] NONE = {};

    private final StackFilter stackFilter;

    /** A panel that tells the application's frames from the others with {@code stackFilter}. */
    public ExceptionsPanel(StackFilter stackFilter) {
        this.stackFilter = stackFilter;
    }

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
        return new ExceptionsStats(context.exceptions().stream().map(this::failure).toList());
    }

    /** The root cause's simple type name, for example {@code IllegalStateException}, and how many more there were. */
    @Override
    public String subtitle(ExceptionsStats stats) {
        if (stats.exceptions().isEmpty()) {
            return "none";
        }
        String type = stats.exceptions().get(0).rootCause().type();
        return type.substring(type.lastIndexOf('.') + 1)
                + (stats.exceptions().size() > 1 ? " and " + (stats.exceptions().size() - 1) + " more" : "");
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/exceptions.html";
    }

    private ExceptionsStats.Failure failure(Throwable exception) {
        List<ExceptionsStats.Link> chain = new ArrayList<>();
        add(chain, Collections.newSetFromMap(new IdentityHashMap<>()), "", exception, null);
        return new ExceptionsStats.Failure(chain, rootCause(exception));
    }

    /**
     * The innermost cause of {@code exception} and the first application frame on the way to it: the root
     * cause's own, else that of the nearest exception wrapping it that has one.
     */
    private ExceptionsStats.RootCause rootCause(Throwable exception) {
        List<Throwable> causes = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable next = exception; next != null && seen.add(next); next = cause(next)) {
            causes.add(next);
        }
        Throwable root = causes.get(causes.size() - 1);
        String frame = null;
        for (int i = causes.size() - 1; i >= 0 && frame == null; i--) {
            frame = stackFilter.callSite(stack(causes.get(i))).frame();
        }
        return new ExceptionsStats.RootCause(root.getClass().getName(), message(root), frame, root != exception);
    }

    private void add(List<ExceptionsStats.Link> chain, Set<Throwable> seen, String relation,
                     Throwable throwable, StackTraceElement[] enclosing) {
        if (throwable == null || chain.size() >= MAX_CHAIN || !seen.add(throwable)) {
            return;
        }
        StackTraceElement[] stack = stack(throwable);
        int common = enclosing == null ? 0 : framesInCommon(stack, enclosing);
        int shown = Math.min(stack.length - common, MAX_FRAMES);
        List<ExceptionsStats.Frame> frames = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            frames.add(new ExceptionsStats.Frame(stack[i].toString(), stackFilter.isApplication(stack[i].getClassName())));
        }
        chain.add(new ExceptionsStats.Link(relation, throwable.getClass().getName(), message(throwable), frames,
                stack.length - shown));
        for (Throwable suppressed : Guard.call(throwable::getSuppressed, failure -> NONE, "an exception's suppressed"
                + " exceptions could not be read")) {
            add(chain, seen, "Suppressed", suppressed, stack);
        }
        add(chain, seen, "Caused by", cause(throwable), stack);
    }

    private static String message(Throwable throwable) {
        return Text.cut(Guard.call(throwable::getMessage,
                failure -> "[getMessage() failed with " + failure.getClass().getName() + "]",
                "the message of a " + throwable.getClass().getName() + " could not be read"), MAX_MESSAGE_CHARS);
    }

    private static Throwable cause(Throwable throwable) {
        return Guard.call(throwable::getCause, failure -> null,
                "the cause of a " + throwable.getClass().getName() + " could not be read");
    }

    /** The throwable's stack, without the null entries an overridden {@code getStackTrace} might give. */
    private static StackTraceElement[] stack(Throwable throwable) {
        StackTraceElement[] stack = Guard.call(throwable::getStackTrace, failure -> NO_FRAMES,
                "the stack of a " + throwable.getClass().getName() + " could not be read");
        if (stack == null) {
            return NO_FRAMES;
        }
        for (StackTraceElement frame : stack) {
            if (frame == null) {
                return Arrays.stream(stack).filter(Objects::nonNull)
                        .toArray(StackTraceElement[]::new);
            }
        }
        return stack;
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
