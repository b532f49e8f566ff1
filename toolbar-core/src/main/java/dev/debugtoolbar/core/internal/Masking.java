package dev.debugtoolbar.core.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.request.RequestStats;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The toolbar's one masking mechanism. Two rules: the value of a secret-looking name (as {@code sensitiveNames}
 * says) is replaced whole by {@link #MASK}; in any other text, the secrets it holds are replaced
 * ({@link #value(String)}). Panels turn names and values into entries with it, and every panel's result passes
 * through {@link #masked(Object)} before it is kept, so a text no panel thought of is masked all the same. Masking
 * what is masked already changes nothing and returns the same instance: a panel that masks the values it shares
 * between records (the Settings panel's) keeps sharing them.
 */
public final class Masking {

    /** What a masked value shows instead of itself. */
    public static final String MASK = "••••••••";

    /**
     * Names and short values met again and again (headers, parameters, properties) are judged once: up to this
     * many of each are remembered.
     */
    private static final int REMEMBERED = 4_096;
    private static final int REMEMBERED_VALUE_CHARS = 256;
    /** How deep {@link #masked(Object)} follows records, lists and maps (stats are shallow trees). */
    private static final int MAX_DEPTH = 16;
    /** Words before the credentials of an {@code Authorization} value, shown as they are. */
    private static final List<String> AUTH_SCHEMES = List.of("Bearer", "Basic", "Digest", "Negotiate", "NTLM",
            "Token", "Bot");
    private static final String ORACLE = "jdbc:oracle:";

    private final Memo<String, Boolean> sensitiveNames;
    private final Memo<String, String> maskedValues = new Memo<>(REMEMBERED, this::maskInside);
    private final ClassValue<RecordShape> shapes = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

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

    /** One entry, masked whole if its name looks secret, else with the secrets inside its value masked. */
    public RequestStats.Entry entry(String name, Object value, String type) {
        boolean masked = isSensitive(name);
        return new RequestStats.Entry(name, masked ? MASK : value(Text.preview(value)), type, masked);
    }

    /**
     * A text with the secrets inside it masked; the same instance when it holds none. Masked are: the password of
     * a URL's user info, up to the last {@code @} of its authority ({@code postgres://app:p@ss/w@db/shop}); the
     * password of an Oracle JDBC URL ({@code jdbc:oracle:thin:app/pw@db:1521/shop}); the value of every
     * {@code name=value} and {@code name: value} pair whose name looks secret, in query strings, path parameters
     * ({@code ;jsessionid=...}), JDBC URLs, JVM arguments, headers ({@code Authorization: Bearer ...},
     * {@code Cookie: SESSION=...}), {@code toString}s and JSON ({@code "password": "..."}, escaped quotes too);
     * and JSON web tokens ({@code eyJ...}) anywhere. A value that is only a SQL placeholder ({@code password=?})
     * is kept.
     *
     * <p>One pass over the text, without regular expressions; texts with no {@code =}, {@code :} or {@code eyJ}
     * are returned at once, and short texts are judged once.
     */
    public String value(String value) {
        if (value == null || value.indexOf('=') < 0 && value.indexOf(':') < 0 && value.indexOf("eyJ") < 0) {
            return value;
        }
        if (value.length() > REMEMBERED_VALUE_CHARS) {
            return maskInside(value);
        }
        String masked = maskedValues.get(value);
        return masked.equals(value) ? value : masked;
    }

    /**
     * A panel's result or stats with every text in it masked: strings through {@link #value(String)}, entries and
     * map values of secret-looking names whole; records, lists, sets and maps are followed (and copied only where
     * something was masked), other objects are kept as they are. The one place every panel's result passes
     * before it is kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T masked(T value) {
        return (T) mask(value, 0);
    }

    /** Whether {@code name} looks secret, as the configuration says; remembered per name. */
    public boolean isSensitive(String name) {
        return name != null && sensitiveNames.get(name);
    }

    private Object mask(Object value, int depth) {
        if (value instanceof String text) {
            return value(text);
        }
        if (value == null || depth >= MAX_DEPTH) {
            return value;
        }
        if (value instanceof RequestStats.Entry entry) {
            return maskEntry(entry);
        }
        if (value instanceof Record record) {
            return shapes.get(record.getClass()).masked(record, component -> mask(component, depth + 1));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                Object masked = mask(item, depth + 1);
                if (masked != item && copy == null) {
                    copy = new ArrayList<>(list.subList(0, i));
                }
                if (copy != null) {
                    copy.add(masked);
                }
            }
            return copy == null ? value : Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> item : map.entrySet()) {
                Object masked = item.getKey() instanceof String name && isSensitive(name) && item.getValue() != null
                        ? MASK : mask(item.getValue(), depth + 1);
                changed |= masked != item.getValue();
                copy.put(item.getKey(), masked);
            }
            return changed ? Collections.unmodifiableMap(copy) : value;
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            boolean changed = false;
            for (Object item : set) {
                Object masked = mask(item, depth + 1);
                changed |= masked != item;
                copy.add(masked);
            }
            return changed ? Collections.unmodifiableSet(copy) : value;
        }
        return value;
    }

    private RequestStats.Entry maskEntry(RequestStats.Entry entry) {
        if (entry.masked()) {
            return entry;
        }
        if (isSensitive(entry.name())) {
            return new RequestStats.Entry(entry.name(), MASK, entry.type(), true);
        }
        String value = value(entry.value());
        String name = value(entry.name());
        return value == entry.value() && name == entry.name() ? entry
                : new RequestStats.Entry(name, value, entry.type(), false);
    }

    /** {@link #value(String)} without the memo: one pass that copies the text only once it finds a secret. */
    private String maskInside(String text) {
        StringBuilder masked = null;
        int copied = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int start = -1;
            int end = -1;
            if (c == ':' && text.startsWith("//", i + 1)) {
                int at = userInfoEnd(text, i + 3);
                int colon = at < 0 ? -1 : text.indexOf(':', i + 3);
                if (colon >= 0 && colon + 1 < at) {
                    start = colon + 1;
                    end = at;
                }
            } else if (c == '=' || c == ':') {
                if (isSensitive(nameBefore(text, i))) {
                    int from = valueStart(text, i + 1);
                    start = from;
                    end = valueEnd(text, from);
                    if (end == from + 1 && text.charAt(from) == '?') {
                        end = from;
                    }
                }
            } else if ((c == 'j' || c == 'J') && text.regionMatches(true, i, ORACLE, 0, ORACLE.length())) {
                int credentials = text.indexOf(':', i + ORACLE.length());
                int at = credentials < 0 ? -1 : credentialsEnd(text, credentials + 1, tokenEnd(text, credentials + 1));
                int slash = at < 0 ? -1 : text.indexOf('/', credentials + 1);
                if (slash >= 0 && slash + 1 < at) {
                    start = slash + 1;
                    end = at;
                }
            } else if (c == 'e' && text.startsWith("eyJ", i) && (i == 0 || !isTokenChar(text.charAt(i - 1)))) {
                int tokenEnd = i;
                int dots = 0;
                while (tokenEnd < length && (isTokenChar(text.charAt(tokenEnd)) || text.charAt(tokenEnd) == '.')) {
                    dots += text.charAt(tokenEnd++) == '.' ? 1 : 0;
                }
                if (dots >= 2) {
                    start = i;
                    end = tokenEnd;
                }
            }
            if (end > start && start >= 0 && !text.startsWith(MASK, start)) {
                if (masked == null) {
                    masked = new StringBuilder(length);
                }
                masked.append(text, copied, start).append(MASK);
                copied = end;
                i = end - 1;
            }
        }
        return masked == null ? text : masked.append(text, copied, length).toString();
    }

    /**
     * The name a separator at {@code separator} ends: the letters, digits and {@code _.-[]%} before it, after
     * spaces and a closing quote ({@code "password" :}, {@code \"token\":}); percent-encoded names decoded.
     */
    private static String nameBefore(String text, int separator) {
        int end = separator;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
            end--;
            if (end > 0 && text.charAt(end - 1) == '\\') {
                end--;
            }
        }
        int start = end;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        if (start == end || Character.isDigit(text.charAt(start))) {
            return null;
        }
        String name = text.substring(start, end);
        return name.indexOf('%') < 0 ? name : decoded(name);
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }

    /**
     * Where a pair's secret begins after its separator: past spaces, an opening quote and an authorization
     * scheme ({@code Bearer }).
     */
    private static int valueStart(String text, int from) {
        int start = from;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        if (text.startsWith("\\\"", start)) {
            return start + 2;
        }
        if (start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            return start + 1;
        }
        for (String scheme : AUTH_SCHEMES) {
            int after = start + scheme.length();
            if (text.regionMatches(true, start, scheme, 0, scheme.length()) && after < text.length()
                    && text.charAt(after) == ' ') {
                return after + 1;
            }
        }
        return start;
    }

    /**
     * Where a pair's secret ends: at the quote that closes it (one not escaped by a backslash) when it was
     * quoted, after the bracket that closes it when it opens an object or array (the whole of it is secret), else
     * at the first {@code &}, {@code ;}, {@code ,}, quote, angle bracket or white space.
     */
    private static int valueEnd(String text, int start) {
        char opening = start > 0 ? text.charAt(start - 1) : 0;
        if (opening == '"' || opening == '\'') {
            boolean escapedQuote = opening == '"' && start > 1 && text.charAt(start - 2) == '\\';
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && !escapedQuote) {
                    i++;
                } else if (c == opening && (!escapedQuote || text.charAt(i - 1) == '\\')) {
                    return escapedQuote ? i - 1 : i;
                }
            }
            return text.length();
        }
        if (start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[')) {
            return closingBracket(text, start);
        }
        int end = start;
        while (end < text.length() && "&;,\"'<>".indexOf(text.charAt(end)) < 0
                && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Just after the bracket that closes the object or array opening at {@code open} (brackets inside strings
     * not counted), or the end of the text.
     */
    private static int closingBracket(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    /**
     * The last {@code @} of a URL's authority that starts at {@code from}, or -1: its user info may hold
     * {@code /} and {@code @}, so it ends at the last {@code @} before the query, fragment or end of the URL (or
     * where a preview cut it).
     */
    private static int userInfoEnd(String text, int from) {
        int end = tokenEnd(text, from);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return credentialsEnd(text, from, end);
    }

    /**
     * The last {@code @} in [{@code from}, {@code end}); else, when a preview cut the text there ({@code …}), the
     * cut, since the {@code @} may have been cut off; else -1.
     */
    private static int credentialsEnd(String text, int from, int end) {
        int at = text.lastIndexOf('@', end - 1);
        if (at >= from) {
            return at;
        }
        return end > from && text.charAt(end - 1) == '…' ? end - 1 : -1;
    }

    /** Where a URL or connection string starting at {@code from} ends: at white space, a quote or angle bracket. */
    private static int tokenEnd(String text, int from) {
        int end = from;
        while (end < text.length() && "\"'<>".indexOf(text.charAt(end)) < 0
                && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return isTokenChar(c) || c == '.' || c == '[' || c == ']' || c == '%';
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** How to read a record type's components and make one with other values. */
    /**
     * How to read and rebuild one record type. Components whose declared type holds no text (primitives, boxed
     * primitives, enums, {@code java.time} values) are {@code plain}: masking would keep them as they are, so
     * they are read only when the record is rebuilt.
     */
    private record RecordShape(Method[] accessors, boolean[] plain, Constructor<?> constructor) {

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            boolean[] plain = new boolean[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getType();
                plain[i] = holdsNoText(types[i]);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new RecordShape(accessors, plain, constructor);
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor",
                        impossible);
            }
        }

        private static boolean holdsNoText(Class<?> type) {
            return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type)
                    || type == Boolean.class || type == Character.class
                    || TemporalAccessor.class.isAssignableFrom(type);
        }

        /** {@code record} with {@code mask} applied to its components; itself when none changed. */
        Object masked(Record record, UnaryOperator<Object> mask) {
            try {
                Object[] values = null;
                for (int i = 0; i < accessors.length; i++) {
                    if (plain[i]) {
                        if (values != null) {
                            values[i] = accessors[i].invoke(record);
                        }
                        continue;
                    }
                    Object component = accessors[i].invoke(record);
                    Object masked = mask.apply(component);
                    if (masked != component && values == null) {
                        values = new Object[accessors.length];
                        for (int j = 0; j < i; j++) {
                            values[j] = accessors[j].invoke(record);
                        }
                    }
                    if (values != null) {
                        values[i] = masked;
                    }
                }
                return values == null ? record : constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the texts of " + record.getClass().getName()
                        + " could not be masked", e);
            }
        }
    }
}
