package dev.debugtoolbar.core.settings;

import dev.debugtoolbar.core.request.RequestStats.Entry;

import java.util.List;

/**
 * What the Settings panel shows. Values of secret-looking names, and secrets inside values (a URL's password,
 * {@code password=...}), are masked.
 *
 * @param toolbar          the toolbar's effective configuration
 * @param initParameters   the servlet context's init parameters
 * @param systemProperties the JVM's system properties, by name
 * @param environment      the process's environment variables, by name
 * @param jvmArguments     the arguments the JVM was started with
 */
public record SettingsStats(List<Entry> toolbar, List<Entry> initParameters, List<Entry> systemProperties,
                            List<Entry> environment, List<String> jvmArguments) {

    public SettingsStats {
        toolbar = List.copyOf(toolbar);
        initParameters = List.copyOf(initParameters);
        systemProperties = List.copyOf(systemProperties);
        environment = List.copyOf(environment);
        jvmArguments = List.copyOf(jvmArguments);
    }
}
