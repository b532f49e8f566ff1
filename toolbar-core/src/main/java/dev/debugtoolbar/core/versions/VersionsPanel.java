package dev.debugtoolbar.core.versions;

import dev.debugtoolbar.core.HostInfo;
import dev.debugtoolbar.core.RequestContext;
import dev.debugtoolbar.core.internal.Guard;
import dev.debugtoolbar.core.panel.Panel;

import java.util.List;

/**
 * The built-in Versions panel: the Java runtime, the servlet container and API, and the application's
 * libraries with their versions. The libraries are listed once, from the class loader of the first
 * request's thread (the application's), and shared by every request after it.
 */
public final class VersionsPanel implements Panel<VersionsStats> {

    private final String java = System.getProperty("java.runtime.name", "Java") + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version", "")) + " ("
            + System.getProperty("java.vm.vendor", "") + ", " + System.getProperty("java.vm.name", "") + ")";
    private volatile List<Library> libraries;

    @Override
    public String id() {
        return "versions";
    }

    @Override
    public String title() {
        return "Versions";
    }

    /** Its stats wait for the record's first reading: they describe the JVM and the host, not the request. */
    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public VersionsStats onRequestEnd(RequestContext context) {
        HostInfo host = context.request().host();
        return new VersionsStats(java, host.serverInfo(), host.servletVersion(), host.effectiveServletVersion(),
                libraries());
    }

    @Override
    public String subtitle(VersionsStats stats) {
        return "Java " + Runtime.version().feature() + (stats.server() == null ? "" : ", " + stats.server());
    }

    @Override
    public String template() {
        return "dev/debugtoolbar/ui/panels/versions.html";
    }

    private List<Library> libraries() {
        List<Library> known = libraries;
        if (known == null) {
            synchronized (this) {
                known = libraries;
                if (known == null) {
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    ClassLoader scanned = loader != null ? loader : VersionsPanel.class.getClassLoader();
                    known = List.copyOf(Guard.call(() -> LibraryScanner.scan(scanned), failure -> List.of(),
                            "the application's libraries cannot be listed"));
                    libraries = known;
                }
            }
        }
        return known;
    }
}
