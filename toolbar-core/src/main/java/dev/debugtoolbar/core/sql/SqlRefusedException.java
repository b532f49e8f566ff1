package dev.debugtoolbar.core.sql;

/** The toolbar will not run a recorded statement again; the message says why, for the developer. */
public final class SqlRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SqlRefusedException(String message) {
        super(message);
    }
}
