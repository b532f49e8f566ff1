package dev.debugtoolbar.test.internal;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.RequestRecord;

import java.time.Duration;
import java.util.List;

/** Records from the store of a toolbar in this process. */
public final class InProcessSource implements RecordSource {

    /** How long a request still running (its response streaming) is waited for. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final DebugToolbar toolbar;
    /** Reads the records of {@code toolbar}. */
    public InProcessSource(DebugToolbar toolbar) {
        this.toolbar = toolbar;
    }

    @Override
    public ObservedRequest find(String id) {
        return toolbar.lookUp(id, WAIT).record().map(ObservedRequest::of).orElse(null);
    }

    @Override
    public ObservedRequest newest() {
        List<RequestRecord> newest = toolbar.store().recent(1);
        return newest.isEmpty() ? null : ObservedRequest.of(newest.get(0));
    }

    @Override
    public String describe() {
        return toolbar.isEnabled() ? "the toolbar's store (it keeps the newest " + toolbar.config().storeCapacity()
                + " requests)" : "a disabled toolbar, which records nothing";
    }
}
