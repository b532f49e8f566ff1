package dev.debugtoolbar.benchmarks.page;

/** How the fixed page is served: each mode is a web application of its own under {@code /<path>/}. */
public enum PageMode {
    /** The application alone: raw data source, caches and template engine, no filter. */
    NONE("none"),
    /** The toolbar installed as a user would, but its access policy refuses every client. */
    HIDDEN("hidden"),
    /** The toolbar installed and shown: recorded, stored and injected. */
    SHOWN("shown");

    private final String path;

    PageMode(String path) {
        this.path = path;
    }

    /** The context path's name, such as {@code shown}. */
    public String path() {
        return path;
    }
}
