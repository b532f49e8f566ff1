package dev.debugtoolbar.core.sql;

/**
 * Rows read from the result sets of one statement. Raised by the thread that iterates them and read
 * when the request ends, after that thread has handed the request back; a plain field is enough.
 */
final class RowCount {
    int rows;
}
