package dev.debugtoolbar.core.template;

import dev.debugtoolbar.core.RecordBudget;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.request.RequestStats;
import dev.debugtoolbar.core.timeline.TimedEvent;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates of one request as a tree, in the order they started. Keeps at most a configured number, and
 * only while the record's {@link RecordBudget} allows; further ones are counted but not kept. Of a template's
 * variables it keeps the first {@value #MAX_VARIABLES}, and of their previews the first
 * {@value #MAX_VARIABLE_BYTES} bytes' worth; the others are counted. A template's variables are kept as they are and previewed (masked,
 * cut) only when the request's templates are asked for, at its end: turning every model into text while the
 * page renders cost more than the rest of the recording. Thread-safe.
 */
final class TemplateLog {

    static final RequestContext.Key<TemplateLog> KEY =
            new RequestContext.Key<>("debugtoolbar.templates", TemplateLog.class);

    /** What {@link #open} returns for a template that was counted but not kept. */
    static final int DROPPED = -1;

    /** The variables of a template (or parameters of a fragment) kept to be previewed; the others are counted. */
    static final int MAX_VARIABLES = 256;

    /** The estimated size of the previews of one template's variables; the variables beyond are counted. */
    static final int MAX_VARIABLE_BYTES = 64 * 1024;

    private final long requestStartNanos;
    private final int capacity;
    private final Masking masking;
    private final RecordBudget budget;
    private final List<Node> nodes = new ArrayList<>();
    /** The text of each object previewed, by identity: fragments see the objects of their page's model again. */
    private final Map<Object, String> texts = new IdentityHashMap<>();
    private int dropped;

    TemplateLog(long requestStartNanos, int capacity, Masking masking, RecordBudget budget) {
        this.requestStartNanos = requestStartNanos;
        this.capacity = capacity;
        this.masking = masking;
        this.budget = budget;
    }

    /**
     * Records that a template started rendering.
     *
     * @param parent           the index of the template that inserted it, or {@link #DROPPED} for none
     * @param variablesOmitted how many variables it had besides {@code variables}
     * @return its index, to {@link #close} it with, or {@link #DROPPED}
     */
    synchronized int open(int parent, String name, String selector, String resource, String mode,
                          Map<String, ?> variables, int variablesOmitted, long startNanos) {
        if (nodes.size() >= capacity || !budget.take(RecordBudget.DETAIL_BYTES + RecordBudget.bytes(name)
                + RecordBudget.bytes(selector) + RecordBudget.bytes(resource))) {
            dropped++;
            return DROPPED;
        }
        int depth = parent == DROPPED ? 0 : nodes.get(parent).depth + 1;
        nodes.add(new Node(parent, depth, name, selector, resource, mode, variables, variablesOmitted, startNanos));
        return nodes.size() - 1;
    }

    /** Records that the template at {@code index} ended; ignores {@link #DROPPED}. */
    synchronized void close(int index, long endNanos) {
        if (index != DROPPED) {
            Node node = nodes.get(index);
            node.endNanos = endNanos;
            node.finished = true;
        }
    }

    /** The kept templates in order; one that never ended is taken to run until {@code nowNanos}. */
    synchronized List<TemplateEvent> events(long nowNanos) {
        long[] durations = durations(nowNanos);
        long[] children = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int parent = nodes.get(i).parent;
            if (parent != DROPPED) {
                children[parent] += durations[i];
            }
        }
        List<TemplateEvent> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            events.add(new TemplateEvent(i, node.name, node.selector, node.depth,
                    node.parent == DROPPED ? null : node.parent, millis(node.startNanos - requestStartNanos),
                    millis(durations[i]), millis(Math.max(0, durations[i] - children[i])), node.resource,
                    node.mode, node.finished, variableEntries(node), node.variablesOmitted));
        }
        texts.clear();
        return events;
    }

    /**
     * The kept templates as the Timeline draws them (name and selector, when, how long, whether unfinished),
     * without the previews of their variables.
     */
    synchronized List<TimedEvent> timedEvents(long nowNanos) {
        long[] durations = durations(nowNanos);
        List<TimedEvent> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            events.add(new TimedEvent(node.selector == null ? node.name : node.name + " :: " + node.selector,
                    millis(node.startNanos - requestStartNanos), millis(durations[i]), !node.finished));
        }
        return events;
    }

    private long[] durations(long nowNanos) {
        long[] durations = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            durations[i] = (node.finished ? node.endNanos : nowNanos) - node.startNanos;
        }
        return durations;
    }

    /**
     * A template's variables as masked previews, made once, when the request's templates are first asked for (as
     * the request ends); the variables themselves are let go then.
     */
    private List<RequestStats.Entry> variableEntries(Node node) {
        if (node.entries == null) {
            List<RequestStats.Entry> previews = masking.singleEntries(node.variables, true, texts);
            int kept = 0;
            long bytes = 0;
            while (kept < previews.size()) {
                long entryBytes = bytes(previews.get(kept));
                if (bytes + entryBytes > MAX_VARIABLE_BYTES || !budget.take(entryBytes)) {
                    break;
                }
                bytes += entryBytes;
                kept++;
            }
            node.entries = kept == previews.size() ? previews : List.copyOf(previews.subList(0, kept));
            node.variablesOmitted += previews.size() - kept;
            node.variables = null;
        }
        return node.entries;
    }

    private static long bytes(RequestStats.Entry entry) {
        return RecordBudget.ENTRY_BYTES + RecordBudget.bytes(entry.name()) + RecordBudget.bytes(entry.value())
                + RecordBudget.bytes(entry.type());
    }

    synchronized int dropped() {
        return dropped;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static final class Node {
        final int parent;
        final int depth;
        final String name;
        final String selector;
        final String resource;
        final String mode;
        /** The model as the template saw it; dropped once previewed, so that no record keeps application objects. */
        Map<String, ?> variables;
        int variablesOmitted;
        final long startNanos;
        long endNanos;
        boolean finished;
        List<RequestStats.Entry> entries;

        Node(int parent, int depth, String name, String selector, String resource, String mode,
             Map<String, ?> variables, int variablesOmitted, long startNanos) {
            this.parent = parent;
            this.depth = depth;
            this.name = name;
            this.selector = selector;
            this.resource = resource;
            this.mode = mode;
            this.variables = variables;
            this.variablesOmitted = variablesOmitted;
            this.startNanos = startNanos;
        }
    }
}
