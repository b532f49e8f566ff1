package dev.debugtoolbar.core.settings;

import dev.debugtoolbar.core.HostInfo;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.internal.Masking;
import dev.debugtoolbar.core.panel.Panel;
import dev.debugtoolbar.core.request.RequestStats.Entry;

import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The built-in Settings panel: the toolbar's effective configuration, the servlet context's init parameters,
 * system properties, environment variables and JVM arguments, secrets masked. What cannot change while the
 * JVM runs (environment, JVM arguments) is read once; system properties are read when a request's panel is
 * first shown (the panel is {@linkplain #deferred deferred}), and records that see the same ones share one copy
 * (immutable lists, which the stats keep as they are).
 */
public final class SettingsPanel implements Panel<SettingsStats> {

    private final ToolbarConfig config;
    private final Masking masking;
    private final List<Entry> toolbar;
    private final List<Entry> environment;
    private final List<String> jvmArguments;
    private final AtomicReference<Snapshot> systemProperties = new AtomicReference<>();
    private final AtomicReference<HostEntries> initParameters = new AtomicReference<>();

    /** A panel that shows {@code config} and masks what {@code masking} calls sensitive. */
    public SettingsPanel(ToolbarConfig config, Masking masking) {
        this.config = config;
        this.masking = masking;
        this.toolbar = List.copyOf(configEntries(config, masking));
        this.environment = List.copyOf(masking.singleEntries(new TreeMap<>(readEnvironment()), false));
        this.jvmArguments = List.copyOf(Guard.call(() -> ManagementFactory.getRuntimeMXBean().getInputArguments(),
                failure -> List.<String>of(), "JVM arguments cannot be read").stream().map(masking::value).toList());
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings";
    }

    /** Its stats wait for the record's first reading: they describe the JVM and the host, not the request. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public SettingsStats onRequestEnd(RequestContext context) {
        return new SettingsStats(toolbar, initParameters(context.request().host()), systemProperties(), environment,
                jvmArguments);
    }

    @Override
    public String subtitle(SettingsStats stats) {
        return config.enabled() ? "prefix " + config.pathPrefix() : "";
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/settings.html";
    }

    /** The host's init parameters, masked once per host (the filter describes its host once). */
    private List<Entry> initParameters(HostInfo host) {
        HostEntries last = initParameters.get();
        if (last != null && last.host() == host) {
            return last.entries();
        }
        HostEntries fresh = new HostEntries(host,
                List.copyOf(masking.singleEntries(new TreeMap<>(host.initParameters()), false)));
        initParameters.set(fresh);
        return fresh.entries();
    }

    private List<Entry> systemProperties() {
        Properties properties = System.getProperties();
        Snapshot last = systemProperties.get();
        if (last != null && unchanged(last.values(), properties)) {
            return last.entries();
        }
        Map<String, String> now = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            now.put(name, properties.getProperty(name));
        }
        Snapshot fresh = new Snapshot(now, List.copyOf(masking.singleEntries(now, false)));
        systemProperties.set(fresh);
        return fresh.entries();
    }

    /** Whether the string properties are still {@code last}, checked without copying them. */
    private static boolean unchanged(Map<String, String> last, Properties properties) {
        int[] strings = {0};
        boolean[] same = {properties.size() >= last.size()};
        properties.forEach((name, value) -> {
            if (same[0] && name instanceof String key && value instanceof String text) {
                strings[0]++;
                same[0] = text.equals(last.get(key));
            }
        });
        return same[0] && strings[0] == last.size();
    }

    private static Map<String, String> readEnvironment() {
        return Guard.call(System::getenv, failure -> Map.of(), "environment variables cannot be read");
    }

    /** Every component of the configuration record, by name, as text. */
    private static List<Entry> configEntries(ToolbarConfig config, Masking masking) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : ToolbarConfig.class.getRecordComponents()) {
            values.put(component.getName(), Guard.call(() -> component.getAccessor().invoke(config),
                    failure -> "?", "configuration value " + component.getName() + " cannot be read"));
        }
        return masking.singleEntries(values, false);
    }

    /** System properties as read once, with their displayable entries. */
    private record Snapshot(Map<String, String> values, List<Entry> entries) {
    }

    /** A host's init parameters as displayable entries. */
    private record HostEntries(HostInfo host, List<Entry> entries) {
    }
}
