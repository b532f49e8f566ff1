package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RequestContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What {@link SqlDataSources#wrap} hands out: connections from the recording proxy while a request that
 * records SQL is bound to the thread, and the original's own connections otherwise. Requests that are not
 * recorded (clients the toolbar is hidden from, start-up, background jobs, the SQL panel switched off) so pay
 * one thread-local read per connection instead of a proxy around every JDBC object and call. Statements run
 * in a request on a connection taken outside one are not recorded.
 */
final class RecordingDataSource implements DataSource {

    private final DataSource original;
    private final DataSource recording;
    private final Supplier<RequestContext> current;

    RecordingDataSource(DataSource original, DataSource recording, Supplier<RequestContext> current) {
        this.original = original;
        this.recording = recording;
        this.current = current;
    }

    private DataSource forCurrentRequest() {
        RequestContext context = current.get();
        return context != null && context.isPanelEnabled(SqlPanel.ID) ? recording : original;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return forCurrentRequest().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return forCurrentRequest().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return original.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        original.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        original.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return original.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return original.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : recording.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || recording.isWrapperFor(type);
    }
}
