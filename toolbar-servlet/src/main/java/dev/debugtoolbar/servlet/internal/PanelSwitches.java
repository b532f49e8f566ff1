package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.servlet.DebugToolbarFilter;
import jakarta.servlet.http.Cookie;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads which panels the user switched off from the cookie the toolbar's script sets,
 * {@code tb-off=sql|acme.flags}. Anything that is not a panel id is ignored.
 */
public final class PanelSwitches {

    private static final Pattern PANEL_ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    private static final int MAX_IDS = 64;

    private PanelSwitches() {
    }

    /** The ids of the panels switched off, from the request's cookies (which may be {@code null}). */
    public static Set<String> disabled(Cookie[] cookies) {
        if (cookies == null) {
            return Set.of();
        }
        Set<String> off = new HashSet<>();
        for (Cookie cookie : cookies) {
            if (DebugToolbarFilter.PANELS_OFF_COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
                for (String id : cookie.getValue().split("\\|", MAX_IDS + 1)) {
                    if (off.size() < MAX_IDS && PANEL_ID.matcher(id).matches()) {
                        off.add(id);
                    }
                }
            }
        }
        return off;
    }
}
