package dev.debugtoolbar.test;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.test.internal.HttpSource;
import dev.debugtoolbar.test.internal.InProcessSource;
import dev.debugtoolbar.test.internal.RecordSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link RecordedRequests} as a JUnit 5 extension: before each test it {@linkplain #startHere() forgets} the
 * requests recorded so far, so that {@link #last()} is always a request of the running test. The toolbar or
 * its address is asked for lazily, when a test first needs it, so the application may start in
 * {@code @BeforeAll}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RecordedRequestsExtension requests =
 *         RecordedRequestsExtension.at(() -> app.uri().resolve("__toolbar"));
 *
 * @Test
 * void bookListLoadsAuthorsWithTheBooks() throws Exception {
 *     get("/books");
 *     requests.last().assertNoNPlusOne().assertAtMostStatements(2);
 * }
 * }</pre>
 */
public final class RecordedRequestsExtension extends RecordedRequests implements BeforeEachCallback {

    private RecordedRequestsExtension(Supplier<RecordSource> source) {
        super(source);
    }

    /** The requests recorded by the toolbar {@code toolbar} gives, in this process. */
    public static RecordedRequestsExtension in(Supplier<DebugToolbar> toolbar) {
        Objects.requireNonNull(toolbar, "toolbar");
        return new RecordedRequestsExtension(() -> new InProcessSource(toolbar.get()));
    }

    /** The requests recorded by the toolbar at the base URI {@code toolbarBase} gives (see {@link RecordedRequests#at}). */
    public static RecordedRequestsExtension at(Supplier<URI> toolbarBase) {
        Objects.requireNonNull(toolbarBase, "toolbarBase");
        return new RecordedRequestsExtension(() -> new HttpSource(toolbarBase.get()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startHere();
    }
}
