package dev.debugtoolbar.core;

import dev.debugtoolbar.core.internal.ExcludedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code excludedPaths} option: its defaults, its sources, and patterns it refuses. */
class ExcludedPathsOptionTest {

    @Test
    void defaultsToStaticAssetsOfLibrariesAndBrowsers() {
        assertEquals(ExcludedPaths.DEFAULTS, DebugToolbar.builder().environment(name -> null, name -> null).build()
                .config().excludedPaths());
    }

    @Test
    void isReadFromTheBuilderTheOptionsThePropertyOrTheEnvironment() {
        assertEquals(List.of("/a/"), DebugToolbar.builder().excludedPaths("/a/").build().config().excludedPaths());
        assertEquals(List.of("/b/", "*.css"), DebugToolbar.builder().environment(name -> null, name -> null)
                .options(Map.of("excludedPaths", "/b/, *.css")::get).build().config().excludedPaths());
        assertEquals(List.of("/c"), DebugToolbar.builder()
                .environment(Map.of("debugtoolbar.excludedPaths", "/c")::get, name -> null).build()
                .config().excludedPaths());
        assertEquals(List.of(), DebugToolbar.builder()
                .environment(name -> null, Map.of("DEBUG_TOOLBAR_EXCLUDED_PATHS", "")::get).build()
                .config().excludedPaths(), "an empty list excludes nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"assets/", "*.", "/img/*.png", "**/x", "*.css/"})
    void refusesPatternsOfNoKnownKind(String pattern) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DebugToolbar.builder().excludedPaths(pattern).build());
        assertTrue(error.getMessage().startsWith("excludedPaths needs"), error.getMessage());
    }

    @Test
    void matchesPrefixesExactPathsAndExtensions() {
        ExcludedPaths paths = new ExcludedPaths(List.of("/static/", "/favicon.ico", "*.map"));
        assertTrue(paths.matches("/static/app.css"));
        assertTrue(paths.matches("/favicon.ico"));
        assertTrue(paths.matches("/js/app.JS.MAP"));
        for (String path : List.of("/static", "/favicon.ico/x", "/map", "/", "/staticfiles/a.css")) {
            assertEquals(false, paths.matches(path), path);
        }
    }
}
