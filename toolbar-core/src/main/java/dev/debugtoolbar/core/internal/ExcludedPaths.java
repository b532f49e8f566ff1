package dev.debugtoolbar.core.internal;

import java.util.List;

/**
 * Paths inside the application (after the context path) that the toolbar leaves alone. Each pattern is one of:
 * a prefix ending in {@code /} ({@code /webjars/}: everything under it), {@code *.ext} (every path whose last
 * segment ends in {@code .ext}, case-insensitively), or an exact path ({@code /favicon.ico}).
 */
public final class ExcludedPaths {

    /** The patterns excluded unless told otherwise: libraries, icons, robots, well-known files, source maps. */
    public static final List<String> DEFAULTS = List.of("/webjars/", "/favicon.ico", "/robots.txt",
            "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png", "/.well-known/", "*.map");

    private final List<String> prefixes;
    private final List<String> exact;
    private final List<String> extensions;

    /** Matches these patterns; throws {@link IllegalArgumentException} for one that is none of the three kinds. */
    public ExcludedPaths(List<String> patterns) {
        validate(patterns);
        this.prefixes = patterns.stream().filter(p -> p.startsWith("/") && p.endsWith("/")).toList();
        this.exact = patterns.stream().filter(p -> p.startsWith("/") && !p.endsWith("/")).toList();
        this.extensions = patterns.stream().filter(p -> p.startsWith("*.")).map(p -> p.substring(1)).toList();
    }

    /** Whether {@code path}, a path inside the application such as {@code /webjars/app.js}, is excluded. */
    public boolean matches(String path) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        for (String name : exact) {
            if (path.equals(name)) {
                return true;
            }
        }
        for (String extension : extensions) {
            if (path.regionMatches(true, path.length() - extension.length(), extension, 0, extension.length())) {
                return true;
            }
        }
        return false;
    }

    /** Checks that every pattern is one of the three kinds; throws {@link IllegalArgumentException} otherwise. */
    public static void validate(List<String> patterns) {
        patterns.forEach(ExcludedPaths::check);
    }

    private static void check(String pattern) {
        boolean extension = pattern != null && pattern.startsWith("*.") && pattern.length() > 2
                && pattern.indexOf('/') < 0 && pattern.indexOf('*', 1) < 0;
        boolean path = pattern != null && pattern.startsWith("/") && pattern.indexOf('*') < 0;
        if (!extension && !path) {
            throw new IllegalArgumentException("excludedPaths needs paths inside the application such as"
                    + " '/webjars/' (a prefix, ending in '/'), '/favicon.ico' (an exact path) or '*.map' (an"
                    + " extension); was: '" + pattern + "'");
        }
    }
}
