package dev.debugtoolbar.core.sql;

/**
 * What the recorder knows about one connection during one request: whether it auto-commits, its open
 * transaction, and the statement it is running. A connection is used by one thread at a time; the
 * fields are read and written under the {@link SqlLog}'s lock or by that thread.
 */
final class ConnectionState {

    final String rawId;
    Boolean autoCommit;
    String openTransaction;
    long startNanos;
    boolean executing;
    RowCount pendingRows;
    RecordedStatement last;

    ConnectionState(String rawId) {
        this.rawId = rawId;
    }
}
