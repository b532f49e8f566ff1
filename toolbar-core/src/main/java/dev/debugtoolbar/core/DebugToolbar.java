package dev.debugtoolbar.core;

import dev.debugtoolbar.core.internal.AddressMatcher;
import dev.debugtoolbar.core.internal.ExcludedPaths;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.internal.Options;
import dev.debugtoolbar.core.internal.RunningRequests;
import dev.debugtoolbar.core.internal.Text;
import dev.debugtoolbar.core.logging.LogCapture;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.panel.PanelError;
import dev.debugtoolbar.core.panel.PanelRegistry;
import dev.debugtoolbar.core.panel.PanelResult;
import dev.debugtoolbar.core.panel.PanelSettings;
import dev.debugtoolbar.core.panel.Timing;
import dev.debugtoolbar.core.sql.SqlDataSources;
import dev.debugtoolbar.core.sql.SqlReplayer;
import dev.debugtoolbar.core.store.InMemoryRequestStore;
import dev.debugtoolbar.core.store.RecordLookup;
import dev.debugtoolbar.core.store.RequestStore;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The toolbar of one application: its configuration, panels, store and collectors.
 *
 * <pre>{@code
 * DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
 * DataSource dataSource = toolbar.wrap(rawDataSource);
 * }</pre>
 *
 * It is off unless enabled by {@link Builder#enabled(boolean)}, an {@link Builder#options options} source,
 * the system property {@value ToolbarConfig#ENABLED_PROPERTY} or the environment variable
 * {@value ToolbarConfig#ENABLED_ENV}.
 * A disabled toolbar records nothing and {@link #wrap(DataSource)} returns the data source unchanged.
 * An enabled one adds a handler to the logging frameworks for its Logging panel: {@link #close()} it when the
 * application stops.
 */
public final class DebugToolbar implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DebugToolbar.class.getName());
    /** How many requests at once are known as running before their records are saved. */
    private static final int MAX_RUNNING = 4_096;
    /** The longest path and query string a record keeps; longer ones are cut, saying by how much. */
    private static final int MAX_URL_CHARS = 4_096;

    private final ToolbarConfig config;
    private final PanelRegistry panels;
    private final RequestStore store;
    private final Masking masking;
    private final LogCapture logs;
    private final ThreadLocal<RequestContext> current;
    private final SqlDataSources dataSources;
    private final SqlReplayer sqlReplayer;
    private final SecureRandom random = new SecureRandom();
    private final RunningRequests running = new RunningRequests(MAX_RUNNING);

    private DebugToolbar(ToolbarConfig config, Masking masking, PanelRegistry panels, RequestStore store,
                         ThreadLocal<RequestContext> current, SqlDataSources dataSources, LogCapture logs) {
        this.config = config;
        this.panels = panels;
        this.store = store;
        this.masking = masking;
        this.current = current;
        this.dataSources = dataSources;
        this.sqlReplayer = new SqlReplayer(dataSources);
        this.logs = logs;
    }

    /** A builder; {@code build()} with no other call gives a toolbar enabled only by property or environment. */
    public static Builder builder() {
        return new Builder();
    }

    /** The effective configuration. */
    public ToolbarConfig config() {
        return config;
    }

    /** Whether this toolbar records and shows anything. */
    public boolean isEnabled() {
        return config.enabled();
    }

    /** The panels in display order: built-in ones first, then user panels. */
    public List<Panel<?>> panels() {
        return panels.all();
    }

    /** The store that keeps the records of recent requests. */
    public RequestStore store() {
        return store;
    }

    /**
     * Looks up the request with this id: its record if the request ended, else, while it is still running (its id
     * goes out with the response's headers, before it ends), waits up to {@code wait} for it to end. The answer
     * says whether it is still running after that.
     */
    public RecordLookup lookUp(String id, Duration wait) {
        running.awaitEnd(id, wait);
        boolean stillRunning = running.isRunning(id);
        // asked after isRunning: a request that is not running any more saved its record before it stopped
        Optional<RequestRecord> record = store.find(id);
        return new RecordLookup(record, record.isEmpty() && stillRunning);
    }

    /**
     * Wraps a data source so that every statement run while a request is bound is recorded for the SQL
     * panel. Statements outside a request (start-up, background threads) pass through unrecorded.
     * A disabled toolbar returns {@code dataSource} itself.
     */
    public DataSource wrap(DataSource dataSource) {
        return wrap(dataSource, null);
    }

    /**
     * Like {@link #wrap(DataSource)}, with a name that the SQL panel shows for the data source's statements
     * (letters, digits, {@code ._-}; unique per toolbar). Unnamed data sources are {@code ds1}, {@code ds2}, ...
     */
    public DataSource wrap(DataSource dataSource, String name) {
        Objects.requireNonNull(dataSource, "dataSource");
        return isEnabled() ? dataSources.wrap(dataSource, name) : dataSource;
    }

    /**
     * Runs recorded SELECTs again (EXPLAIN, or to show their rows) on the original of the data source they
     * ran on, read-only and rolled back; used by the toolbar's endpoints.
     */
    public SqlReplayer sqlReplayer() {
        return sqlReplayer;
    }

    /** The context of the request bound to the calling thread, if any. */
    public Optional<RequestContext> current() {
        return Optional.ofNullable(current.get());
    }

    /** Begins recording a request with every panel on; see {@link #start(RequestView, Set)}. */
    public RequestContext start(RequestView request) {
        return start(request, Set.of());
    }

    /**
     * Begins recording a request: gives it a new random id, known as running (see {@link #lookUp}) until
     * {@link #finish} saves its record, and lets every panel see its start, except the
     * panels in {@code disabledPanels} (those the user switched off in the toolbar; unknown ids are ignored),
     * which collect nothing for this request and show as off.
     */
    public RequestContext start(RequestView request, Set<String> disabledPanels) {
        if (logs != null) {
            logs.ensureAttached();
        }
        String id = newId();
        running.began(id);
        RequestContext context = new RequestContext(id, Instant.now(), System.nanoTime(), request, config,
                disabledPanels);
        for (Panel<?> panel : panels.all()) {
            if (!context.isPanelEnabled(panel.id())) {
                continue;
            }
            Guard.run(() -> panel.onRequestStart(context), failure -> context.panelFailed(panel.id(), failure),
                    "panel " + panel.id() + " failed at request start");
        }
        return context;
    }

    /**
     * Binds {@code context} to the calling thread until the returned binding is closed, so that
     * collectors (such as the SQL recorder) running on this thread find it.
     */
    public Binding bind(RequestContext context) {
        RequestContext previous = current.get();
        current.set(context);
        return () -> {
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        };
    }

    /**
     * A task that runs bound to the request that is current where this is called, so that work the
     * request hands to another thread (an executor, an asynchronous servlet) is recorded with it. Without
     * a current request the task is returned unchanged.
     */
    public Runnable bindToCurrentRequest(Runnable task) {
        Objects.requireNonNull(task, "task");
        RequestContext context = current.get();
        if (context == null) {
            return task;
        }
        return () -> {
            try (Binding ignored = bind(context)) {
                task.run();
            }
        };
    }

    /** Removes what the toolbar added to the logging frameworks; it records no more log records afterwards. */
    @Override
    public void close() {
        if (logs != null) {
            logs.close();
        }
    }

    /**
     * Ends recording: asks every panel for its stats (a {@linkplain Panel#deferred deferred} panel only for its
     * {@code Server-Timing} metrics, its stats wait for the record's first reading), builds the immutable record
     * and saves it. Never throws because of a panel or the store; their failures are logged and kept in the record.
     */
    public RequestRecord finish(RequestContext context, ResponseView response) {
        try {
            return record(context, response);
        } finally {
            running.ended(context.id());
        }
    }

    private RequestRecord record(RequestContext context, ResponseView response) {
        context.end(System.nanoTime(), response);
        Map<String, PanelResult> results = new LinkedHashMap<>();
        List<Timing> timings = new ArrayList<>();
        boolean deferring = false;
        for (Panel<?> panel : panels.all()) {
            if (waits(panel, context)) {
                deferring = true;
                timings.addAll(Guard.call(() -> panel.deferredTimings(context), failure -> List.of(),
                        "panel " + panel.id() + " failed to give its timings"));
            } else {
                PanelResult result = result(panel, context);
                results.put(panel.id(), result);
                timings.addAll(result.timings());
            }
        }
        Map<String, PanelResult> all = deferring
                ? new DeferredPanels(panels.all(), results, context.detached(), this::result) : results;
        RequestView request = context.request();
        String query = Text.cut(masking.value(request.query()), MAX_URL_CHARS);
        String path = Text.cut(masking.value(request.path()), MAX_URL_CHARS);
        context.budget().count(RecordBudget.DETAIL_BYTES + RecordBudget.bytes(path) + RecordBudget.bytes(query));
        RequestRecord record = new RequestRecord(context.id(), context.startedAt(), request.method(),
                path, query, response.status(), context.durationMillis(),
                response.contentType(), all, timings, context.budget().size());
        Guard.run(() -> store.save(record), failure -> { }, "request store failed to save " + record.id());
        return record;
    }

    /**
     * The {@code Server-Timing} metrics known while {@code context}'s request still runs, for a response committed
     * before it ends: those of the {@linkplain Panel#deferred deferred} panels, which read them cheaply from the
     * context (SQL and cache so far). Never throws because of a panel.
     */
    public List<Timing> timingsSoFar(RequestContext context) {
        List<Timing> timings = new ArrayList<>();
        for (Panel<?> panel : panels.all()) {
            if (waits(panel, context)) {
                timings.addAll(Guard.call(() -> panel.deferredTimings(context), failure -> List.of(),
                        "panel " + panel.id() + " failed to give its timings"));
            }
        }
        return timings;
    }

    /**
     * The panel's result for {@code context}, masked: the one place every panel's stats, subtitle and error pass
     * before they are kept, so that no panel, built-in or the user's, can keep a secret it did not think of.
     */
    private PanelResult result(Panel<?> panel, RequestContext context) {
        PanelResult result = PanelResult.collect(panel, context);
        return Guard.call(() -> masking.masked(result), failure -> new PanelResult(result.id(), result.title(), "",
                result.template(), null, PanelError.of(failure), List.of()),
                "panel " + panel.id() + " could not be masked");
    }

    /** Whether the panel's stats wait for the record's first reading: it may, and it is on and started well. */
    private boolean waits(Panel<?> panel, RequestContext context) {
        String id = panel.id();
        return panels.isDeferred(panel) && context.isPanelEnabled(id) && context.startFailure(id) == null;
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Undoes a {@link #bind(RequestContext)}; closing never throws. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Builds a {@link DebugToolbar}; invalid or clashing options fail at {@link #build()} with a clear message.
     *
     * <p>Every option can also be given without code, by name: through {@link #options(Function)} (the servlet
     * filter passes its init parameters), the system property {@code debugtoolbar.<name>} or the environment
     * variable {@code DEBUG_TOOLBAR_<NAME>} (words upper-cased and joined by {@code _}). A value set by a
     * method of this builder wins over all of them; among them, the first one set wins. The names:
     * {@code enabled}, {@code pathPrefix}, {@code storeCapacity}, {@code maxBufferBytes}, {@code allowedClients},
     * {@code trustedProxies}, {@code allowedHosts} and {@code excludedPaths} (comma-separated),
     * {@code sensitiveNames} (a regular expression, matched case-insensitively), {@code maxStatements},
     * {@code maxTemplates}, {@code maxCacheCalls}, {@code interceptRedirects}, {@code maxRecordBytes},
     * {@code maxStoreBytes}, and {@code panel.<panelId>.<setting>} for a panel's own {@link PanelSettings}.
     */
    public static final class Builder {
        /**
         * The default of {@link #sensitiveNames(Pattern)}, matched case-insensitively anywhere in a name: words
         * that are secret wherever they stand (password, passwd, pwd, passphrase, passcode, secret, token, jwt,
         * bearer, credential, authorization, signature, CSRF/XSRF, cookie, session ids such as jsessionid,
         * PHPSESSID and session_id, remember-me, and api, access, private, secret, signing, encryption, HMAC,
         * master and client keys), words that are secret only as a word of their own, after and before a
         * non-letter or a change to upper case ({@code pass}, {@code pin}, {@code otp}, {@code totp}, {@code hotp},
         * {@code mfa}, {@code auth}, {@code sid}: {@code userPin}, {@code X-Auth-Token}, not {@code spinner},
         * {@code opinion} or {@code author}), {@code key} between non-letters ({@code key}, {@code X-Api-Key}, not
         * {@code keyboard} or {@code sortKey}) and {@code session} as a whole name (Spring Session's cookie). To
         * extend it, add to it: {@code Pattern.compile(DEFAULT_SENSITIVE_NAMES + "|iban")}.
         */
        public static final String DEFAULT_SENSITIVE_NAMES = "passw(or)?d|passphrase|passcode|pwd|secret|token|jwt"
                + "|bearer|credential|authori[sz]ation|signature|csrf|xsrf|cookie|sess(ion)?[-_.]?(id|key|token)"
                + "|remember[-_]?me|(api|access|private|secret|signing|encryption|hmac|master|client)[-_.]?key"
                + "|(?:(?<![a-z])|(?<=(?-i:[a-z0-9]))(?=(?-i:[A-Z])))(pass|pin|otp|totp|hotp|mfa|auth|sid)"
                + "(?:(?![a-z])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))|(?<![a-z])key(?![a-z])|^session$";

        private static final Pattern DEFAULT_SENSITIVE = Pattern.compile(DEFAULT_SENSITIVE_NAMES,
                Pattern.CASE_INSENSITIVE);

        private static final Pattern HOST_NAME = Pattern.compile("\\*|\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.?");

        private Boolean enabled;
        private String pathPrefix;
        private Integer storeCapacity;
        private RequestStore store;
        private Long maxBufferBytes;
        private List<String> allowedClients;
        private List<String> trustedProxies;
        private List<String> allowedHosts;
        private List<String> excludedPaths;
        private Pattern sensitiveNames;
        private Integer maxStatements;
        private Integer maxTemplates;
        private Integer maxCacheCalls;
        private Boolean interceptRedirects;
        private Integer maxStacks;
        private final List<String> skippedPackages = new ArrayList<>();
        private final List<String> applicationPackages = new ArrayList<>();
        private Double slowStatementMillis;
        private Integer nPlusOneThreshold;
        private Long maxRecordBytes;
        private Long maxStoreBytes;
        private final List<Panel<?>> extraPanels = new ArrayList<>();
        private Function<String, String> options = name -> null;
        private Function<String, String> properties = System::getProperty;
        private Function<String, String> environment = System::getenv;

        private Builder() {
        }

        /** Switches the toolbar on or off, overriding options, the system property and the environment. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Where the toolbar's endpoints live inside the application; default {@code /__toolbar}. */
        public Builder pathPrefix(String pathPrefix) {
            this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
            return this;
        }

        /** How many recent requests the default in-memory store keeps; default 100. */
        public Builder storeCapacity(int storeCapacity) {
            this.storeCapacity = storeCapacity;
            return this;
        }

        /** Uses another store (for example one shared by several nodes) instead of the in-memory one. */
        public Builder store(RequestStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** HTML responses larger than this pass through without a toolbar; default 5 MB. */
        public Builder maxBufferBytes(long maxBufferBytes) {
            this.maxBufferBytes = maxBufferBytes;
            return this;
        }

        /** Clients (addresses or CIDR ranges) that may see the toolbar; default loopback only. */
        public Builder allowedClients(String... addressesOrRanges) {
            this.allowedClients = List.of(addressesOrRanges);
            return this;
        }

        /** Proxies whose {@code X-Forwarded-For} is believed; default none. */
        public Builder trustedProxies(String... addressesOrRanges) {
            this.trustedProxies = List.of(addressesOrRanges);
            return this;
        }

        /**
         * Host names (as in the request's {@code Host} header) under which the toolbar may be seen, besides IP
         * addresses, {@code localhost} and names under {@code .localhost}, which always may: for example
         * {@code "myapp.test"}, {@code ".dev.example.com"} (that name and every name under it), or {@code "*"} (any
         * name). A request addressed to another name is treated like a client that may not see the toolbar, so
         * that a web page that rebinds its own name to this machine (DNS rebinding) cannot read the records.
         */
        public Builder allowedHosts(String... hostNames) {
            this.allowedHosts = List.of(hostNames);
            return this;
        }

        /**
         * Paths inside the application (after the context path) whose requests the toolbar neither records nor
         * touches: no toolbar, no header, nothing in History. Each is a prefix ending in {@code /}
         * ({@code "/assets/"}), an exact path ({@code "/favicon.ico"}) or an extension ({@code "*.map"}). Replaces
         * the default list {@link ExcludedPaths#DEFAULTS} ({@code /webjars/}, {@code /favicon.ico},
         * {@code /robots.txt}, {@code /apple-touch-icon.png}, {@code /apple-touch-icon-precomposed.png},
         * {@code /.well-known/}, {@code *.map}); none at all excludes nothing.
         */
        public Builder excludedPaths(String... patterns) {
            this.excludedPaths = List.of(patterns);
            return this;
        }

        /**
         * Names whose values are masked everywhere the toolbar shows them (found anywhere in the name); default
         * {@link #DEFAULT_SENSITIVE_NAMES}, which a pattern given here or by name replaces.
         */
        public Builder sensitiveNames(Pattern sensitiveNames) {
            this.sensitiveNames = Objects.requireNonNull(sensitiveNames, "sensitiveNames");
            return this;
        }

        /** Statements kept per request; those beyond are counted only. Default 5,000. */
        public Builder maxStatements(int maxStatements) {
            this.maxStatements = maxStatements;
            return this;
        }

        /** Templates and fragments kept per request; those beyond are counted only. Default 1,000. */
        public Builder maxTemplates(int maxTemplates) {
            this.maxTemplates = maxTemplates;
            return this;
        }

        /** Cache calls kept per request; those beyond are counted only. Default 5,000. */
        public Builder maxCacheCalls(int maxCacheCalls) {
            this.maxCacheCalls = maxCacheCalls;
            return this;
        }

        /**
         * Call-site stacks captured per request, by the SQL panel and by the Cache panel each, default 200.
         * Each new SQL text (or cache and operation) gets one, repeats of it only a few (see
         * {@link dev.debugtoolbar.core.callsite.CallSiteSampler}); beyond the limit calls have no call site
         * of their own. 0 captures none.
         */
        public Builder maxStacks(int maxStacks) {
            this.maxStacks = maxStacks;
            return this;
        }

        /**
         * Class-name prefixes, such as {@code com.acme.dao.support.}, whose frames are never shown as a call
         * site, besides the JDK, containers, drivers, pools and other libraries skipped by default
         * ({@link dev.debugtoolbar.core.callsite.StackFilter#DEFAULT_SKIPPED}).
         */
        public Builder skipCallSitePackages(String... prefixes) {
            skippedPackages.addAll(List.of(prefixes));
            return this;
        }

        /**
         * Class-name prefixes of the application's own code, kept as call sites even where a skipped prefix
         * covers them (an application under {@code org.springframework.samples.}, say).
         */
        public Builder applicationPackages(String... prefixes) {
            applicationPackages.addAll(List.of(prefixes));
            return this;
        }

        /** Statements slower than this are highlighted in the SQL panel; default 100 ms. */
        public Builder slowStatementMillis(double slowStatementMillis) {
            this.slowStatementMillis = slowStatementMillis;
            return this;
        }

        /** This many similar statements from one call site in a request are flagged as N+1; default 5. */
        public Builder nPlusOneThreshold(int nPlusOneThreshold) {
            this.nPlusOneThreshold = nPlusOneThreshold;
            return this;
        }

        /**
         * The estimated size one request's record may reach, in bytes; default 4 MB. The record's size is counted
         * as its details are recorded (statements, templates, cache calls, log records, exceptions, parameters);
         * once it is reached, further details are dropped and counted, and the Timer panel says how many.
         */
        public Builder maxRecordBytes(long maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return this;
        }

        /**
         * The estimated size of all the records the default in-memory store keeps, in bytes; default 64 MB. The
         * oldest records are evicted first when a new one would go beyond it (or beyond the store's capacity).
         */
        public Builder maxStoreBytes(long maxStoreBytes) {
            this.maxStoreBytes = maxStoreBytes;
            return this;
        }

        /**
         * Whether a redirect (3xx with a {@code Location}) answering a browser's page request is shown as a
         * page with the target link and the toolbar of the redirecting request, instead of being followed at
         * once; handy for debugging POST-redirect-GET. Fetch and XHR calls are never intercepted. Default off.
         */
        public Builder interceptRedirects(boolean interceptRedirects) {
            this.interceptRedirects = interceptRedirects;
            return this;
        }

        /** Adds a user panel; panels found by {@link java.util.ServiceLoader} are added too. */
        public Builder panel(Panel<?> panel) {
            extraPanels.add(Objects.requireNonNull(panel, "panel"));
            return this;
        }

        /**
         * Reads options by name (see {@link Builder}) from {@code source} when the toolbar is built, for example
         * {@code filterConfig::getInitParameter}; {@code source} answers {@code null} for an option it does not
         * set. Options it does not set are read from system properties and the environment.
         */
        public Builder options(Function<String, String> source) {
            this.options = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Reads system properties and environment variables from these sources instead of the JVM's (for tests). */
        Builder environment(Function<String, String> properties, Function<String, String> environment) {
            this.properties = properties;
            this.environment = environment;
            return this;
        }

        /** Validates the options and builds the toolbar. */
        public DebugToolbar build() {
            Options named = new Options(options, properties, environment);
            String prefix = or(pathPrefix, named.text("pathPrefix"), "/__toolbar");
            if (!prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
                throw new IllegalArgumentException("pathPrefix must look like /__toolbar (a path starting with"
                        + " '/', not ending with '/', of letters, digits and ._~-), was: " + prefix);
            }
            if (store != null && storeCapacity != null) {
                throw new IllegalArgumentException("storeCapacity configures the built-in in-memory store;"
                        + " it cannot be combined with store(...): size the custom store itself");
            }
            int capacity = or(storeCapacity, store == null ? named.integer("storeCapacity") : null, 100);
            if (capacity < 1) {
                throw new IllegalArgumentException("storeCapacity must be at least 1, was " + capacity);
            }
            if (store != null && maxStoreBytes != null) {
                throw new IllegalArgumentException("maxStoreBytes configures the built-in in-memory store;"
                        + " it cannot be combined with store(...): size the custom store itself");
            }
            long recordBytes = or(maxRecordBytes, named.longInteger("maxRecordBytes"), 4L * 1024 * 1024);
            long storeBytes = or(maxStoreBytes, store == null ? named.longInteger("maxStoreBytes") : null,
                    64L * 1024 * 1024);
            if (recordBytes < 1 || storeBytes < recordBytes) {
                throw new IllegalArgumentException("maxRecordBytes must be at least 1 and at most maxStoreBytes, was "
                        + recordBytes + " (maxStoreBytes " + storeBytes + ")");
            }
            long bufferBytes = or(maxBufferBytes, named.longInteger("maxBufferBytes"), 5L * 1024 * 1024);
            if (bufferBytes < 0) {
                throw new IllegalArgumentException("maxBufferBytes must not be negative, was " + bufferBytes);
            }
            int statements = notNegative("maxStatements", or(maxStatements, named.integer("maxStatements"), 5_000));
            int templates = notNegative("maxTemplates", or(maxTemplates, named.integer("maxTemplates"), 1_000));
            int cacheCalls = notNegative("maxCacheCalls", or(maxCacheCalls, named.integer("maxCacheCalls"), 5_000));
            int stacks = notNegative("maxStacks", or(maxStacks, named.integer("maxStacks"), 200));
            double slowMillis = or(slowStatementMillis, named.decimal("slowStatementMillis"), 100.0);
            if (!(slowMillis >= 0)) {
                throw new IllegalArgumentException("slowStatementMillis must be 0 or more, was " + slowMillis);
            }
            int nPlusOne = or(nPlusOneThreshold, named.integer("nPlusOneThreshold"), 5);
            if (nPlusOne < 2) {
                throw new IllegalArgumentException("nPlusOneThreshold must be at least 2, was " + nPlusOne);
            }
            List<String> skipped = skippedPackages.isEmpty()
                    ? or(null, named.list("skipCallSitePackages"), List.of()) : skippedPackages;
            List<String> application = applicationPackages.isEmpty()
                    ? or(null, named.list("applicationPackages"), List.of()) : applicationPackages;
            requirePrefixes("skipCallSitePackages", skipped);
            requirePrefixes("applicationPackages", application);
            boolean redirects = or(interceptRedirects, named.flag("interceptRedirects"), false);
            List<String> clients = or(allowedClients, named.list("allowedClients"), List.of("127.0.0.0/8", "::1"));
            List<String> proxies = or(trustedProxies, named.list("trustedProxies"), List.of());
            AddressMatcher.validate(clients, "allowedClients");
            AddressMatcher.validate(proxies, "trustedProxies");
            List<String> hosts = or(allowedHosts, named.list("allowedHosts"), List.of());
            requireHostNames(hosts);
            List<String> excluded = or(excludedPaths, named.list("excludedPaths"), ExcludedPaths.DEFAULTS);
            ExcludedPaths.validate(excluded);
            boolean on = or(enabled, named.flag("enabled"), false);
            ToolbarConfig config = new ToolbarConfig(on, prefix, capacity, bufferBytes, clients, proxies, hosts,
                    excluded, or(sensitiveNames, named.pattern("sensitiveNames"), DEFAULT_SENSITIVE), statements,
                    templates, cacheCalls, redirects, stacks, skipped, application, slowMillis, nPlusOne,
                    recordBytes, storeBytes);
            ThreadLocal<RequestContext> current = new ThreadLocal<>();
            SqlDataSources dataSources = new SqlDataSources(current::get);
            Masking masking = new Masking(config);
            LogCapture logs = config.enabled() ? LogCapture.install(current::get) : null;
            PanelRegistry registry = PanelRegistry.create(config, masking, extraPanels, dataSources, logs);
            RequestStore requestStore = store != null ? store : new InMemoryRequestStore(capacity, storeBytes);
            if (config.enabled()) {
                for (Panel<?> panel : registry.all()) {
                    String id = panel.id();
                    panel.configure(PanelSettings.of(id, setting -> named.text("panel." + id + "." + setting)));
                }
                LOG.log(System.Logger.Level.INFO, "Debug toolbar enabled at {0} for clients {1}; panels: {2}",
                        prefix, clients, registry.ids());
            }
            return new DebugToolbar(config, masking, registry, requestStore, current, dataSources, logs);
        }

        private static int notNegative(String option, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(option + " must not be negative, was " + value);
            }
            return value;
        }

        private static void requireHostNames(List<String> hosts) {
            for (String host : hosts) {
                if (host == null || !HOST_NAME.matcher(host).matches()) {
                    throw new IllegalArgumentException("allowedHosts needs host names such as 'myapp.test',"
                            + " '.dev.example.com' or '*', without scheme or port; was: " + hosts);
                }
            }
        }

        private static void requirePrefixes(String option, List<String> prefixes) {
            for (String prefix : prefixes) {
                if (prefix == null || prefix.isBlank()) {
                    throw new IllegalArgumentException(option + " needs class-name prefixes such as 'com.acme.',"
                            + " was: " + prefixes);
                }
            }
        }

        /** The builder's own value, else the named option's, else the default. */
        private static <T> T or(T set, T named, T fallback) {
            return set != null ? set : named != null ? named : fallback;
        }
    }
}
