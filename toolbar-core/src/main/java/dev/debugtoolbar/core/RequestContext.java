package dev.debugtoolbar.core;

import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.sql.SqlLog;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The live collector of one request: where collectors put raw facts while the request runs. Panels read
 * it at the end to build their stats; {@linkplain dev.debugtoolbar.core.panel.Panel#deferred deferred} panels
 * read its facts later, without the live request. Safe to use from several threads (an asynchronous request
 * may run statements elsewhere).
 */
public final class RequestContext {

    /**
     * Exceptions kept per request: the first always, later ones within the record's budget; those beyond are
     * dropped.
     */
    private static final int MAX_EXCEPTIONS = 20;
    /**
     * The estimated size of an exception as the Exceptions panel keeps it: a chain of a few causes of at most 200
     * frames each, and their messages.
     */
    private static final int EXCEPTION_BYTES = 32 * 1024;

    private final String id;
    private final Instant startedAt;
    private final long startNanos;
    private final RequestView request;
    private final RecordBudget budget;
    private final SqlLog sql;
    private final Set<String> disabledPanels;
    private final Map<Key<?>, Object> values;
    private final Map<String, Throwable> panelFailures;
    private final List<Throwable> exceptions;
    private volatile long endNanos;
    private volatile ResponseView response;

    RequestContext(String id, Instant startedAt, long startNanos, RequestView request, ToolbarConfig config,
                   Set<String> disabledPanels) {
        this.id = id;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.request = request;
        this.budget = new RecordBudget(config.maxRecordBytes());
        this.sql = new SqlLog(startNanos, config.maxStatements(), config.maxStacks(), budget);
        this.disabledPanels = Set.copyOf(disabledPanels);
        this.values = new ConcurrentHashMap<>();
        this.panelFailures = new ConcurrentHashMap<>();
        this.exceptions = new CopyOnWriteArrayList<>();
    }

    /** The facts of {@code ended} with {@code request} in place of its live request. */
    private RequestContext(RequestContext ended, RequestView request) {
        this.id = ended.id;
        this.startedAt = ended.startedAt;
        this.startNanos = ended.startNanos;
        this.request = request;
        this.budget = ended.budget;
        this.sql = ended.sql;
        this.disabledPanels = ended.disabledPanels;
        this.values = ended.values;
        this.panelFailures = ended.panelFailures;
        this.exceptions = ended.exceptions;
        this.endNanos = ended.endNanos;
        this.response = ended.response;
    }

    /** The request's id: 128 random bits, URL-safe. */
    public String id() {
        return id;
    }

    /** When the request began. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The {@link System#nanoTime()} at which the request began; event offsets are relative to it. */
    public long startNanos() {
        return startNanos;
    }

    /** The request being recorded. */
    public RequestView request() {
        return request;
    }

    /** The response; available to panels when the request ends. */
    public ResponseView response() {
        ResponseView known = response;
        if (known == null) {
            throw new IllegalStateException("the response is known only when the request ends");
        }
        return known;
    }

    /**
     * Whether panel {@code panelId} collects for this request: {@code false} when the user switched it off in
     * the toolbar. Collectors ask before recording, so that a switched-off panel costs nothing.
     */
    public boolean isPanelEnabled(String panelId) {
        return !disabledPanels.contains(panelId);
    }

    /**
     * The record's size so far and its budget: a collector {@linkplain RecordBudget#take takes} a detail's
     * estimated size before keeping it, and keeps it only if that succeeds.
     */
    public RecordBudget budget() {
        return budget;
    }

    /** The statements recorded so far. */
    public SqlLog sql() {
        return sql;
    }

    /**
     * Records an exception of this request for the Exceptions panel. The servlet filter records the one that
     * escapes the application; an application that turns an exception into its own error page may record it
     * here too: {@code toolbar.current().ifPresent(request -> request.recordException(e))}.
     */
    public void recordException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        if (exceptions.size() >= MAX_EXCEPTIONS
                || exceptions.stream().anyMatch(known -> known == exception)) { // by identity: equals may be overridden
            return;
        }
        if (exceptions.isEmpty()) {
            budget.count(EXCEPTION_BYTES); // the first one is always kept: it is most often why the page failed
            exceptions.add(exception);
        } else if (budget.take(EXCEPTION_BYTES)) {
            exceptions.add(exception);
        }
    }

    /** The exceptions recorded so far, in order. */
    public List<Throwable> exceptions() {
        return List.copyOf(exceptions);
    }

    /** The request's wall time in milliseconds; final once the request has ended. */
    public double durationMillis() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return (end - startNanos) / 1_000_000.0;
    }

    /** The value a panel or collector stored under {@code key}, or {@code null}. */
    public <T> T get(Key<T> key) {
        return key.type().cast(values.get(key));
    }

    /** Stores a value for this request under {@code key}. */
    public <T> void put(Key<T> key, T value) {
        values.put(key, key.type().cast(Objects.requireNonNull(value, "value")));
    }

    /** The value under {@code key}, created by {@code initial} on first use (atomically). */
    public <T> T computeIfAbsent(Key<T> key, Supplier<? extends T> initial) {
        return key.type().cast(values.computeIfAbsent(key, k -> Objects.requireNonNull(initial.get(), "initial")));
    }

    /** The failure of the panel's start hook, if it failed. */
    public Throwable startFailure(String panelId) {
        return panelFailures.get(panelId);
    }

    void panelFailed(String panelId, Throwable failure) {
        panelFailures.put(panelId, failure);
    }

    void end(long nanoTime, ResponseView response) {
        this.endNanos = nanoTime;
        this.response = response;
    }

    /**
     * This ended request's facts for panels that summarise it later, on another thread: everything but the live
     * request, of which only its method, URL, path, query, client address, headers and host remain.
     */
    RequestContext detached() {
        Map<String, List<String>> headers = Guard.call(request::headers, failure -> Map.of(),
                "the request's headers could not be kept for the panels that read them later");
        budget.count(RecordBudget.bytes(headers));
        return new RequestContext(this, new CompletedRequest(request.method(), request.url(), request.path(),
                request.query(), request.remoteAddress(), Collections.unmodifiableMap(headers), request.host()));
    }

    /**
     * What remains of a request after it completed: its text (headers included). Its parameters, cookies and
     * session are gone with the container's request.
     */
    private record CompletedRequest(String method, String url, String path, String query, String remoteAddress,
                                    Map<String, List<String>> headers, HostInfo host) implements RequestView {

        @Override
        public Map<String, List<String>> queryParameters() {
            throw gone("parameters");
        }

        @Override
        public Map<String, List<String>> formParameters() {
            throw gone("parameters");
        }

        @Override
        public Map<String, String> cookies() {
            throw gone("cookies");
        }

        @Override
        public Map<String, Object> sessionAttributes() {
            throw gone("session attributes");
        }

        private static IllegalStateException gone(String what) {
            return new IllegalStateException("the request's " + what + " are gone: a deferred panel reads only the"
                    + " facts kept in the context, since it runs after the request completed");
        }
    }

    /**
     * A typed key for per-request values. Keys compare by identity: keep one in a constant.
     *
     * @param name a name for diagnostics, for example {@code acme.flags.evaluations}
     * @param type the type of the value stored under the key
     * @param <T>  the value type
     */
    public record Key<T>(String name, Class<T> type) {
        public Key {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
