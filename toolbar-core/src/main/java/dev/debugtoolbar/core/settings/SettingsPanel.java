package dev.debugtoolbar.core.settings;

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
 * JVM runs (environment, JVM arguments) is read once; system properties are read per request, and requests
 * that see the same ones share one copy (immutable lists, which the stats keep as they are).
 */
public final class SettingsPanel implements Panel<SettingsStats> {

    private final ToolbarConfig config;
    private final Masking masking;
    private final List<Entry> toolbar;
    private final List<Entry> environment;
    private final List<String> jvmArguments;
    private final AtomicReference<Snapshot> systemProperties = new AtomicReference<>();

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

    @Override
    public SettingsStats onRequestEnd(RequestContext context) {
        return new SettingsStats(toolbar,
                masking.singleEntries(new TreeMap<>(context.request().host().initParameters()), false),
                systemProperties(), environment, jvmArguments);
    }

    @Override
    public String subtitle(SettingsStats stats) {
        return config.enabled() ? "prefix " + config.pathPrefix() : "";
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/settings.html";
    }

    private List<Entry> systemProperties() {
        Map<String, String> now = new TreeMap<>();
        Properties properties = System.getProperties();
        for (String name : properties.stringPropertyNames()) {
            now.put(name, properties.getProperty(name));
        }
        Snapshot last = systemProperties.get();
        if (last != null && last.values().equals(now)) {
            return last.entries();
        }
        Snapshot fresh = new Snapshot(now, List.copyOf(masking.singleEntries(now, false)));
        systemProperties.set(fresh);
        return fresh.entries();
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
}
