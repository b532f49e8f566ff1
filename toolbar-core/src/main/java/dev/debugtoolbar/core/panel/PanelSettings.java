package dev.debugtoolbar.core.panel;

import dev.debugtoolbar.core.internal.Options;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A panel's own settings, handed to {@link Panel#configure(PanelSettings)} once when the toolbar is built.
 * Setting {@code maxCalls} of panel {@code acme.http} is the toolbar option {@code panel.acme.http.maxCalls},
 * so it is read, first one set wins, from the builder's
 * {@link dev.debugtoolbar.core.DebugToolbar.Builder#options options} source (for the servlet filter: its
 * init parameters), the system property {@code debugtoolbar.panel.acme.http.maxCalls} or the environment
 * variable {@code DEBUG_TOOLBAR_PANEL_ACME_HTTP_MAX_CALLS}.
 *
 * <p>A value that cannot be read fails the toolbar's {@code build()} with a message naming the setting, so a
 * typo shows at start-up rather than as a silently ignored default.
 */
public final class PanelSettings {

    private final String panelId;
    private final Function<String, String> values;

    private PanelSettings(String panelId, Function<String, String> values) {
        this.panelId = Objects.requireNonNull(panelId, "panelId");
        this.values = Objects.requireNonNull(values, "values");
    }

    /**
     * Settings of panel {@code panelId} whose raw values {@code values} gives by setting name ({@code null}
     * when unset); for example {@code PanelSettings.of("acme.http", Map.of("maxCalls", "20")::get)} in a
     * panel's unit test.
     */
    public static PanelSettings of(String panelId, Function<String, String> values) {
        return new PanelSettings(panelId, values);
    }

    /** The id of the panel these settings belong to. */
    public String panelId() {
        return panelId;
    }

    /** The raw text of setting {@code name}, if it is set. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.apply(Objects.requireNonNull(name, "name")));
    }

    /** Setting {@code name} as text, or {@code defaultValue} when it is not set. */
    public String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    /** Setting {@code name} as a whole number, or {@code defaultValue} when it is not set. */
    public int integer(String name, int defaultValue) {
        return read(name, text -> Integer.valueOf(text.trim()), "a whole number", defaultValue);
    }

    /** Setting {@code name} as a decimal number (such as milliseconds), or {@code defaultValue} when it is not set. */
    public double decimal(String name, double defaultValue) {
        return read(name, text -> Double.valueOf(text.trim()), "a number", defaultValue);
    }

    /** Setting {@code name} as a flag ({@code true/false}, {@code yes/no}, {@code on/off}), or {@code defaultValue}. */
    public boolean flag(String name, boolean defaultValue) {
        return read(name, Options::parseFlag, "true or false", defaultValue);
    }

    private <T> T read(String name, Function<String, T> parse, String expected, T defaultValue) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return parse.apply(text.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + name + "' of panel " + panelId + " (option panel."
                    + panelId + "." + name + ") must be " + expected + ", was: " + text.get(), e);
        }
    }
}
