package dev.debugtoolbar.sample.db;

import java.sql.SQLException;

/** An unchecked wrapper for a failed database call, so that pages need no JDBC exception handling. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(String message, SQLException cause) {
        super(message, cause);
    }
}
