package dev.debugtoolbar.test.internal;

/** Where recorded requests are read from: this process's toolbar, or a toolbar's JSON API over HTTP. */
public interface RecordSource {

    /** The request with this id, or {@code null} when the toolbar does not keep it (any more). */
    ObservedRequest find(String id);

    /** The newest recorded request, or {@code null} when there is none. */
    ObservedRequest newest();

    /** Where the records come from, for messages. */
    String describe();
}
