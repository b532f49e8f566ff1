package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.HostInfo;
import jakarta.servlet.ServletContext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Describes a servlet container and application for the core's panels, once, when the filter starts. */
public final class ServletHost {

    private ServletHost() {
    }

    /** What {@code context} tells about the container and the application. */
    public static HostInfo describe(ServletContext context) {
        Map<String, String> initParameters = new LinkedHashMap<>();
        for (String name : Collections.list(context.getInitParameterNames())) {
            initParameters.put(name, context.getInitParameter(name));
        }
        return new HostInfo(context.getServerInfo(), context.getMajorVersion() + "." + context.getMinorVersion(),
                context.getEffectiveMajorVersion() + "." + context.getEffectiveMinorVersion(), initParameters);
    }
}
