package dev.debugtoolbar.core.sql;

import dev.debugtoolbar.core.RequestContext;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The data sources a toolbar has wrapped, by id, each with the original it wraps. Recorded statements
 * carry the id; {@link SqlReplayer} runs EXPLAIN and re-runs on the original, so that the toolbar's own
 * statements are never recorded as the application's. Thread-safe.
 */
public final class SqlDataSources {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private final Supplier<RequestContext> current;
    private final Map<String, Wrapped> byId = new ConcurrentHashMap<>();

    /** Data sources that record into the request {@code current} gives ({@code null} outside a request). */
    public SqlDataSources(Supplier<RequestContext> current) {
        this.current = current;
    }

    /**
     * A data source that records statements run through it while a request is bound.
     *
     * @param original the application's data source (or pool)
     * @param name     its id in records, letters, digits and {@code ._-}; {@code null} for {@code ds1},
     *                 {@code ds2}, ... in order of wrapping
     * @throws IllegalArgumentException when the name is malformed or already taken
     */
    public synchronized DataSource wrap(DataSource original, String name) {
        String id = name == null ? "ds" + (byId.size() + 1) : name;
        if (!NAME.matcher(id).matches()) {
            throw new IllegalArgumentException("a data source name is 1 to 40 letters, digits, '.', '_' or '-',"
                    + " was: " + name);
        }
        if (byId.containsKey(id)) {
            throw new IllegalArgumentException("a data source named '" + id + "' is already wrapped; give"
                    + " each data source its own name");
        }
        byId.put(id, new Wrapped(original));
        return new RecordingDataSource(original, SqlRecorder.wrap(original, id, current, this), current);
    }

    /** Whether no data source has been wrapped, so that no statement can be recorded. */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The original (unwrapped) data source with this id. */
    public Optional<DataSource> original(String id) {
        Wrapped wrapped = id == null ? null : byId.get(id);
        return wrapped == null ? Optional.empty() : Optional.of(wrapped.original);
    }

    /**
     * The database product of this data source (as {@code DatabaseMetaData.getDatabaseProductName()} says,
     * for example {@code PostgreSQL}), known once a statement has been recorded on it; else {@code null}.
     */
    public String product(String id) {
        Wrapped wrapped = id == null ? null : byId.get(id);
        return wrapped == null ? null : wrapped.product;
    }

    void noteProduct(String id, String product) {
        Wrapped wrapped = byId.get(id);
        if (wrapped != null) {
            wrapped.product = product;
        }
    }

    private static final class Wrapped {
        final DataSource original;
        volatile String product;

        Wrapped(DataSource original) {
            this.original = original;
        }
    }
}
