package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

import java.util.Map;

/** Finds registrations of the toolbar's filter in a servlet context, so that it is never registered twice. */
public final class ToolbarRegistrations {

    private ToolbarRegistrations() {
    }

    /**
     * The name of a registration of {@link DebugToolbarFilter} (or a subclass) other than {@code ownName}, or
     * {@code null} when there is none.
     */
    public static String otherThan(ServletContext context, String ownName) {
        for (Map.Entry<String, ? extends FilterRegistration> entry : context.getFilterRegistrations().entrySet()) {
            if (!entry.getKey().equals(ownName) && isToolbarFilter(entry.getValue().getClassName(), context)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static boolean isToolbarFilter(String className, ServletContext context) {
        if (className == null) {
            return false;
        }
        if (className.equals(DebugToolbarFilter.class.getName())) {
            return true;
        }
        try {
            return DebugToolbarFilter.class.isAssignableFrom(Class.forName(className, false, context.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
