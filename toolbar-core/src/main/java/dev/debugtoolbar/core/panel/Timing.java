package dev.debugtoolbar.core.panel;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One metric a panel adds to the {@code Server-Timing} header of a recorded response, which browsers'
 * developer tools show next to the request, for example {@code sql;dur=3.4;desc="SQL (12 queries)"}.
 *
 * @param name        a short token, for example {@code sql} or {@code acme-http}
 * @param millis      the duration in milliseconds
 * @param description a human description, without double quotes or backslashes
 */
public record Timing(String name, double millis, String description) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern NOT_IN_DESCRIPTION = Pattern.compile("[\"\\\\\\p{Cntrl}]");

    public Timing {
        if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("a Server-Timing name is an HTTP token such as 'sql', was: " + name);
        }
        Objects.requireNonNull(description, "description");
        Matcher unwanted = NOT_IN_DESCRIPTION.matcher(description);
        description = unwanted.find() ? unwanted.replaceAll("") : description;
    }
}
