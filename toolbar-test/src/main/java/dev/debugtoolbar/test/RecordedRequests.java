package dev.debugtoolbar.test;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.test.internal.HttpSource;
import dev.debugtoolbar.test.internal.InProcessSource;
import dev.debugtoolbar.test.internal.ObservedRequest;
import dev.debugtoolbar.test.internal.RecordSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The requests a toolbar recorded, for query budgets in your own tests: make a request, then assert on its
 * record. Works with any test framework; failures are {@link AssertionError}s that explain themselves.
 *
 * <pre>{@code
 * RecordedRequests requests = RecordedRequests.at(URI.create("http://localhost:8080/__toolbar"));
 * HttpResponse<String> page = http.send(GET("/books"), ofString());
 * requests.of(page).assertAtMostStatements(3).assertNoNPlusOne().assertNoDuplicates();
 * requests.last().assertAtMostCacheMisses(0);
 * }</pre>
 *
 * With JUnit 5, {@link RecordedRequestsExtension} also makes {@link #last()} see only the requests of the
 * running test.
 */
public class RecordedRequests {

    private static final String ID_HEADER = "X-Debug-Toolbar-Id";

    private final Supplier<RecordSource> sourceFactory;
    private RecordSource source;
    private String before;
    private boolean marked;

    RecordedRequests(Supplier<RecordSource> sourceFactory) {
        this.sourceFactory = sourceFactory;
    }

    /** The requests recorded by {@code toolbar}, in this process. */
    public static RecordedRequests in(DebugToolbar toolbar) {
        Objects.requireNonNull(toolbar, "toolbar");
        return new RecordedRequests(() -> new InProcessSource(toolbar));
    }

    /**
     * The requests recorded by the toolbar whose endpoints live at {@code toolbarBase}, for example
     * {@code http://localhost:8080/__toolbar}, read over HTTP from its JSON API (the test's client must be one
     * the toolbar shows itself to: loopback by default).
     */
    public static RecordedRequests at(URI toolbarBase) {
        Objects.requireNonNull(toolbarBase, "toolbarBase");
        return new RecordedRequests(() -> new HttpSource(toolbarBase));
    }

    /** The request with this id (the value of its {@code X-Debug-Toolbar-Id} response header). */
    public RecordedRequest withId(String id) {
        Objects.requireNonNull(id, "id");
        RecordSource from = source();
        ObservedRequest found = from.find(id);
        if (found == null) {
            throw new AssertionError("No recorded request has the id '" + id + "' in " + from.describe()
                    + ": it was never recorded, or newer requests pushed it out.");
        }
        return new RecordedRequest(found);
    }

    /** The request that answered {@code response}, found by its {@code X-Debug-Toolbar-Id} header. */
    public RecordedRequest of(HttpResponse<?> response) {
        String id = response.headers().firstValue(ID_HEADER).orElseThrow(() -> new AssertionError(
                "The response to " + response.request().method() + " " + response.request().uri() + " (status "
                        + response.statusCode() + ") has no " + ID_HEADER + " header, so the toolbar did not record"
                        + " it: is the toolbar enabled, and may this client see it (loopback by default)?"));
        return withId(id);
    }

    /**
     * The newest recorded request; after {@link #startHere()}, only a request recorded since then. Requests of
     * the application's other clients (or the page's own AJAX calls) count too: prefer {@link #of} when the
     * test has the response.
     */
    public RecordedRequest last() {
        RecordSource from = source();
        ObservedRequest newest = from.newest();
        if (newest == null || (marked && newest.id().equals(before))) {
            throw new AssertionError("No request was recorded " + (marked ? "since this test began" : "yet")
                    + " in " + from.describe() + ": did the test make one, to a page the toolbar records?");
        }
        return new RecordedRequest(newest);
    }

    /** Forgets the requests recorded so far: {@link #last()} then finds only newer ones. */
    public void startHere() {
        ObservedRequest newest = source().newest();
        before = newest == null ? null : newest.id();
        marked = true;
    }

    private RecordSource source() {
        if (source == null) {
            source = sourceFactory.get();
        }
        return source;
    }
}
