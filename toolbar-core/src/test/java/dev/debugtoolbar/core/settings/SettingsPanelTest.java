package dev.debugtoolbar.core.settings;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.ForwardingRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.HostInfo;
import dev.debugtoolbar.core.RequestView;
import dev.debugtoolbar.core.request.RequestStats.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsPanelTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("shop.db.password");
        System.clearProperty("shop.db.url");
    }

    @Test
    void showsConfigurationInitParametersAndPropertiesWithSecretsMasked() {
        System.setProperty("shop.db.password", "Tr0ub4dor&3-prod");
        System.setProperty("shop.db.url", "postgres://shop:hunter2-Pr0d@db.internal/shop");
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).storeCapacity(7).build();
        HostInfo host = new HostInfo("jetty/12", "6.1", "6.0",
                Map.of("stripe.apiKey", "sk_live_51H8xQ2eZvKYlo2C", "theme", "dark"));

        SettingsStats stats = settings(toolbar, host);

        assertEquals("7", value(stats.toolbar(), "storeCapacity"));
        assertEquals("true", value(stats.toolbar(), "enabled"));
        assertEquals("dark", value(stats.initParameters(), "theme"));
        assertTrue(entry(stats.initParameters(), "stripe.apiKey").masked());
        assertTrue(entry(stats.systemProperties(), "shop.db.password").masked());
        assertFalse(value(stats.systemProperties(), "shop.db.url").contains("hunter2"));
        assertEquals(System.getProperty("java.version"), value(stats.systemProperties(), "java.version"));
        assertEquals(System.getenv().size(), stats.environment().size());
        String all = stats.toString();
        for (String secret : List.of("Tr0ub4dor", "hunter2", "sk_live_51H8xQ2eZvKYlo2C")) {
            assertFalse(all.contains(secret), secret);
        }
    }

    @Test
    void requestsThatSeeTheSameSystemPropertiesShareOneCopy() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        assertSame(settings(toolbar, HostInfo.UNKNOWN).systemProperties(),
                settings(toolbar, HostInfo.UNKNOWN).systemProperties());
    }

    private static SettingsStats settings(DebugToolbar toolbar, HostInfo host) {
        return (SettingsStats) toolbar.finish(toolbar.start(hosted(host)),
                        new FakeResponse(200))
                .panel("settings").orElseThrow().stats();
    }

    private static Entry entry(List<Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from " + entries));
    }

    private static String value(List<Entry> entries, String name) {
        return entry(entries, name).value();
    }

    /** A request in a container that {@code host} describes. */
    private static RequestView hosted(HostInfo host) {
        return new ForwardingRequest(new FakeRequest("/")) {
            @Override
            public HostInfo host() {
                return host;
            }
        };
    }
}
