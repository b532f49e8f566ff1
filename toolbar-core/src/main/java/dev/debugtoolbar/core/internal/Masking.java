package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.request.RequestStats;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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

    /**
     * Names and short values met again and again (headers, parameters, properties) are judged once: up to this
     * many of each are remembered, since the regular expressions cost more than the rest of a request's masking.
     */
    private static final int REMEMBERED = 4_096;
    private static final int REMEMBERED_VALUE_CHARS = 256;

    private final Memo<String, Boolean> sensitiveNames;
    private final Memo<String, String> maskedValues = new Memo<>(REMEMBERED, this::maskInside);

    /** Masks what {@code config} calls sensitive. */
    public Masking(ToolbarConfig config) {
        this.sensitiveNames = new Memo<>(REMEMBERED, config::isSensitive);
    }

    /** One entry per value. */
    public List<RequestStats.Entry> entries(Map<String, ? extends List<String>> values) {
        List<RequestStats.Entry> entries = new ArrayList<>();
        values.forEach((name, list) -> list.forEach(value -> entries.add(entry(name, value, null))));
        return entries;
    }

    /** One entry per name. */
    public List<RequestStats.Entry> singleEntries(Map<String, ?> values, boolean withType) {
        return singleEntries(values, withType, new IdentityHashMap<>());
    }

    /**
     * One entry per name, for maps that share their values (a template's variables and those of its fragments):
     * an object whose text is in {@code texts} (by identity) is not turned into text again, and the text of a new
     * one is added to it (see {@link Text#preview(Object, Map)}).
     */
    public List<RequestStats.Entry> singleEntries(Map<String, ?> values, boolean withType, Map<Object, String> texts) {
        List<RequestStats.Entry> entries = new ArrayList<>(values.size());
        values.forEach((name, value) -> {
            String type = withType && value != null ? value.getClass().getName() : null;
            boolean masked = isSensitive(name);
            String text = masked || value == null ? null : value(Text.preview(value, texts));
            entries.add(new RequestStats.Entry(name, masked ? MASK : text, type, masked));
        });
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
            masked.append(equals >= 0 && isSensitive(decode(name)) ? name + "=" + MASK : pair);
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
        boolean masked = isSensitive(name);
        return new RequestStats.Entry(name, masked ? MASK : value(Text.preview(value)), type, masked);
    }

    /**
     * A value with the secrets inside it masked: the password of a URL ({@code jdbc:postgresql://app:pw@db/shop}),
     * and the values of secret-looking {@code name=value} pairs ({@code ?user=app&password=pw},
     * {@code -Djavax.net.ssl.keyStorePassword=pw}).
     */
    public String value(String value) {
        if (value == null || !mayHoldSecret(value)) {
            return value;
        }
        return value.length() <= REMEMBERED_VALUE_CHARS ? maskedValues.get(value) : maskInside(value);
    }

    private String maskInside(String value) {
        String withoutUrlPassword = URL_PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
        Matcher pairs = PAIR.matcher(withoutUrlPassword);
        return pairs.replaceAll(pair -> Matcher.quoteReplacement(isSensitive(pair.group(1))
                ? pair.group(1) + "=" + MASK : pair.group()));
    }

    /**
     * Whether {@code value} may hold a URL with a password or a secret-looking {@code name=value} pair: a quick
     * scan that lets most values (records' and collections' texts are full of {@code name=value}) skip the
     * regular expressions. It finds every name {@link #PAIR} would find, and possibly more.
     */
    private boolean mayHoldSecret(String value) {
        if (value.indexOf('@') >= 0 && value.contains("://")) {
            return true;
        }
        for (int equals = value.indexOf('='); equals >= 0; equals = value.indexOf('=', equals + 1)) {
            int start = equals;
            while (start > 0 && isNameChar(value.charAt(start - 1))) {
                start--;
            }
            if (start < equals && isSensitive(value.substring(start, equals))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** Whether {@code name} looks secret, as the configuration says; remembered per name. */
    public boolean isSensitive(String name) {
        return name != null && sensitiveNames.get(name);
    }
}
