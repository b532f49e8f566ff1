package dev.debugtoolbar.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the host (the servlet container) tells about itself and the application, for the Settings and
 * Versions panels. The servlet filter builds it once when it starts; other hosts may leave it {@link #UNKNOWN}.
 *
 * @param serverInfo             the container's name and version, for example {@code jetty/12.1.14}
 * @param servletVersion         the servlet API version the container supports, for example {@code 6.1}
 * @param effectiveServletVersion the servlet API version the application was declared for, for example {@code 6.0}
 * @param initParameters         the application's context init parameters, unmasked (panels mask them)
 */
public record HostInfo(String serverInfo, String servletVersion, String effectiveServletVersion,
                       Map<String, String> initParameters) {

    /** Nothing known about the host. */
    public static final HostInfo UNKNOWN = new HostInfo(null, null, null, Map.of());

    public HostInfo {
        initParameters = Collections.unmodifiableMap(new LinkedHashMap<>(initParameters));
    }
}
