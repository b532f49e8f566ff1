package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.request.RequestStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns names and values into displayable entries, masking the values of names that look secret. */
public final class Masking {

    /** What a masked value shows instead of itself. */
    public static final String MASK = "••••••••";

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

    /** One entry, masked if its name looks secret. */
    public RequestStats.Entry entry(String name, Object value, String type) {
        boolean masked = config.isSensitive(name);
        return new RequestStats.Entry(name, masked ? MASK : Text.preview(value), type, masked);
    }
}
