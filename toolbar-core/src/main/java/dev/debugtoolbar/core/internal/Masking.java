package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.request.RequestStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns names and values into displayable entries, masking the values of names that look secret. */
public final class Masking {

    /** What a masked value shows instead of itself. */
    public static final String MASK = "••••••••";

    /** The password of a URL's user info: {@code scheme://user:password@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]*:)[^/\\s@]+@");
    /** A {@code name=value} pair inside a longer value, such as a JDBC URL's or a JVM argument's. */
    private static final Pattern PAIR = Pattern.compile("([A-Za-z0-9_.-]+)=([^&;,\\s]+)");

    private final ToolbarConfig config;

    /** Masks what {@code config} calls sensitive. */
    public Masking(ToolbarConfig config) {
        this.config = config;
    }

    /** One entry per value. */
    public List<RequestStats.Entry> entries(Map<String, ? extends List<String>> values) {
        List<RequestStats.Entry> entries = new ArrayList<>();
        values.forEach((name, list) -> list.forEach(value -> entries.add(entry(name, value, null))));
        return entries;
    }

    /** One entry per name. */
    public List<RequestStats.Entry> singleEntries(Map<String, ?> values, boolean withType) {
        List<RequestStats.Entry> entries = new ArrayList<>();
        values.forEach((name, value) -> entries.add(
                entry(name, value, withType && value != null ? value.getClass().getName() : null)));
        return entries;
    }

    /** A raw query string with the values of secret-looking names replaced by the mask. */
    public String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder masked = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (!masked.isEmpty()) {
                masked.append('&');
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            masked.append(equals >= 0 && config.isSensitive(decode(name)) ? name + "=" + MASK : pair);
        }
        return masked.toString();
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** One entry, masked whole if its name looks secret, else with the secrets inside its value masked. */
    public RequestStats.Entry entry(String name, Object value, String type) {
        boolean masked = config.isSensitive(name);
        return new RequestStats.Entry(name, masked ? MASK : value(Text.preview(value)), type, masked);
    }

    /**
     * A value with the secrets inside it masked: the password of a URL ({@code jdbc:postgresql://app:pw@db/shop}),
     * and the values of secret-looking {@code name=value} pairs ({@code ?user=app&password=pw},
     * {@code -Djavax.net.ssl.keyStorePassword=pw}).
     */
    public String value(String value) {
        if (value == null || value.indexOf('=') < 0 && value.indexOf('@') < 0) {
            return value;
        }
        String withoutUrlPassword = URL_PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
        Matcher pairs = PAIR.matcher(withoutUrlPassword);
        return pairs.replaceAll(pair -> Matcher.quoteReplacement(config.isSensitive(pair.group(1))
                ? pair.group(1) + "=" + MASK : pair.group()));
    }
}
