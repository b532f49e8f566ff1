package dev.debugtoolbar.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Options by name, looked up in order: a given source (such as a filter's init parameters), the system
 * property {@code debugtoolbar.<name>}, the environment variable {@code DEBUG_TOOLBAR_<NAME>}. The first
 * one set wins. Values that cannot be read fail with a message naming where they came from.
 */
public final class Options {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+");

    private final Function<String, String> given;
    private final Function<String, String> properties;
    private final Function<String, String> environment;

    /** Options from {@code given} first, then {@code properties}, then {@code environment}. */
    public Options(Function<String, String> given, Function<String, String> properties,
                   Function<String, String> environment) {
        this.given = given;
        this.properties = properties;
        this.environment = environment;
    }

    /** The system property that holds option {@code name}: {@code debugtoolbar.allowedClients}. */
    public static String propertyName(String name) {
        return "debugtoolbar." + name;
    }

    /** The environment variable that holds option {@code name}: {@code DEBUG_TOOLBAR_ALLOWED_CLIENTS}. */
    public static String environmentName(String name) {
        return "DEBUG_TOOLBAR_" + String.join("_", WORD_BOUNDARY.split(name)).toUpperCase(Locale.ROOT);
    }

    /** The raw text of option {@code name}, or {@code null} when no source sets it. */
    public String text(String name) {
        Value value = find(name);
        return value == null ? null : value.text();
    }

    /** A flag: {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}; {@code null} when unset. */
    public Boolean flag(String name) {
        return parse(name, Options::parseFlag, "true or false");
    }

    /** A whole number, or {@code null} when unset. */
    public Integer integer(String name) {
        return parse(name, text -> Integer.valueOf(text.trim()), "a whole number");
    }

    /** A whole number that may be large, or {@code null} when unset. */
    public Long longInteger(String name) {
        return parse(name, text -> Long.valueOf(text.trim()), "a whole number");
    }

    /** A decimal number, or {@code null} when unset. */
    public Double decimal(String name) {
        return parse(name, text -> Double.valueOf(text.trim()), "a number");
    }

    /** A comma-separated list, without blanks, or {@code null} when unset. */
    public List<String> list(String name) {
        return parse(name, text -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList(), "a comma-separated list");
    }

    /** A case-insensitive regular expression, or {@code null} when unset. */
    public Pattern pattern(String name) {
        return parse(name, text -> Pattern.compile(text, Pattern.CASE_INSENSITIVE), "a regular expression");
    }

    /**
     * The value of option {@code name} read by {@code parse}, or {@code null} when unset; a value {@code parse}
     * rejects (by throwing {@link IllegalArgumentException}) fails with a message naming its source.
     */
    public <T> T parse(String name, Function<String, T> parse, String expected) {
        Value value = find(name);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.text());
        } catch (IllegalArgumentException e) {
            String detail = e instanceof PatternSyntaxException syntax ? " (" + syntax.getDescription() + ")" : "";
            throw new IllegalArgumentException(value.source() + " must be " + expected + ", was: " + value.text()
                    + detail, e);
        }
    }

    private Value find(String name) {
        String text = given.apply(name);
        if (text != null) {
            return new Value(text, "option " + name);
        }
        String property = propertyName(name);
        text = properties.apply(property);
        if (text != null) {
            return new Value(text, "system property " + property);
        }
        String variable = environmentName(name);
        text = environment.apply(variable);
        return text == null ? null : new Value(text, "environment variable " + variable);
    }

    /** Reads a flag: {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}; blank is false. */
    public static boolean parseFlag(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException("not a flag: " + text);
        };
    }

    private record Value(String text, String source) {
    }
}
