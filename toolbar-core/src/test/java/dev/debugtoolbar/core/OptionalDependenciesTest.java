package dev.debugtoolbar.core;

import dev.debugtoolbar.core.cache.CacheRecorder;
import dev.debugtoolbar.core.cache.CacheStats;
import dev.debugtoolbar.core.template.TemplateStats;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Thymeleaf and the JCache API are optional: core loads and records without them on the classpath. */
class OptionalDependenciesTest {

    @Test
    void coreWorksWithoutThymeleafAndJCache() throws Exception {
        URL[] classpath = {location(DebugToolbar.class), location(OptionalDependenciesTest.class),
                location(ProxyDataSourceBuilder.class)};
        try (URLClassLoader withoutOptional = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> withoutOptional.loadClass("org.thymeleaf.TemplateEngine"));
            assertThrows(ClassNotFoundException.class, () -> withoutOptional.loadClass("javax.cache.Cache"));
            Runnable scenario = (Runnable) withoutOptional.loadClass(Scenario.class.getName())
                    .getDeclaredConstructor().newInstance();
            scenario.run();
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Runs inside the class loader without the optional dependencies; fails by throwing. */
    public static final class Scenario implements Runnable {
        @Override
        public void run() {
            DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
            List<String> ids = toolbar.panels().stream().map(panel -> panel.id()).toList();
            check(ids.containsAll(List.of("templates", "cache")), "the templates and cache panels are built in");
            RequestContext context = toolbar.start(new FakeRequest("/"));
            try (DebugToolbar.Binding ignored = toolbar.bind(context)) {
                CacheRecorder.of(toolbar).get("map", "key", () -> "value");
            }
            RequestRecord record = toolbar.finish(context, new FakeResponse(200));
            CacheStats cache = (CacheStats) record.panel("cache").orElseThrow().stats();
            TemplateStats templates = (TemplateStats) record.panel("templates").orElseThrow().stats();
            check(cache.callCount() == 1 && cache.hits() == 1, "the cache call is recorded: " + cache);
            check(templates.templateCount() == 0, "no templates: " + templates);
        }

        private static void check(boolean condition, String what) {
            if (!condition) {
                throw new IllegalStateException("failed: " + what);
            }
        }
    }
}
