package dev.debugtoolbar.core.versions;

import java.util.List;

/**
 * What the Versions panel shows.
 *
 * @param java                    the Java runtime: version, vendor and VM
 * @param server                  the servlet container's own description, or {@code null} where not known
 * @param servletVersion          the servlet API version the container supports, or {@code null}
 * @param effectiveServletVersion the servlet API version the application was declared for, or {@code null}
 * @param libraries               the libraries on the application's class path, by name
 */
public record VersionsStats(String java, String server, String servletVersion, String effectiveServletVersion,
                            List<Library> libraries) {

    public VersionsStats {
        libraries = List.copyOf(libraries);
    }
}
