package dev.debugtoolbar.core.store;

import dev.debugtoolbar.core.RequestRecord;

import java.util.List;
import java.util.Optional;

/** Keeps the records of recent requests. Implementations are thread-safe and bound their size. */
public interface RequestStore {

    /** Keeps a record, possibly evicting the oldest ones. */
    void save(RequestRecord record);

    /** The record with this id, if it is still kept. */
    Optional<RequestRecord> find(String id);

    /** Up to {@code limit} records, newest first. */
    List<RequestRecord> recent(int limit);
}
