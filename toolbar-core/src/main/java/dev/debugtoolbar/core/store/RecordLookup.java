package dev.debugtoolbar.core.store;

import dev.debugtoolbar.core.RequestRecord;

import java.util.Optional;

/**
 * What a toolbar knows of a request id: the request's record once it ended, or that the request is still
 * running (its id is already out, in the response's headers), or neither (an unknown id, or a record no longer
 * kept).
 *
 * @param record  the record, if the request ended and its record is kept
 * @param running whether the request is still running, so that its record is yet to come
 */
public record RecordLookup(Optional<RequestRecord> record, boolean running) {
}
