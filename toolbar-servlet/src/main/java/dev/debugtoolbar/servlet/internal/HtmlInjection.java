package dev.debugtoolbar.servlet.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.unbescape.html.HtmlEscape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the injection needs to know of a page besides where its body ends ({@link BodyEndScanner}): whether its
 * bytes can be read as ASCII for markup, and the nonces its Content-Security-Policy (headers and {@code <meta>}
 * tags) gives scripts and styles.
 */
public final class HtmlInjection {

    private static final Set<Charset> ASCII_COMPATIBLE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
    private static final List<String> SCRIPT_DIRECTIVES = List.of("script-src-elem", "script-src", "default-src");
    private static final List<String> STYLE_DIRECTIVES = List.of("style-src-elem", "style-src", "default-src");
    private static final String NONCE = "'nonce-";
    /** The {@code http-equiv} and {@code content} attributes of one {@code <meta>} tag's text. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "[\\s/](http-equiv|content)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", Pattern.CASE_INSENSITIVE);

    private HtmlInjection() {
    }

    /** Whether markup in {@code charset} is ASCII bytes, as in every charset the toolbar reads pages in. */
    public static boolean isAsciiCompatible(Charset charset) {
        return ASCII_COMPATIBLE.contains(charset);
    }

    /**
     * The nonce the page's Content-Security-Policy headers give scripts, or {@code null}: that of the most
     * specific directive present ({@code script-src-elem}, then {@code script-src}, then {@code default-src}),
     * as the browser uses that one alone.
     */
    public static String scriptNonce(Collection<String> policies) {
        return nonce(SCRIPT_DIRECTIVES, policies);
    }

    /** Like {@link #scriptNonce}, for styles ({@code style-src-elem}, {@code style-src}, {@code default-src}). */
    public static String styleNonce(Collection<String> policies) {
        return nonce(STYLE_DIRECTIVES, policies);
    }

    /**
     * The Content-Security-Policy of each of {@code metaTags} (the text of {@code <meta>} start tags) that is a
     * {@code <meta http-equiv="Content-Security-Policy" content="...">}: a page may set its policy there.
     */
    public static List<String> metaPolicies(List<String> metaTags) {
        List<String> policies = new ArrayList<>();
        for (String tag : metaTags) {
            String httpEquiv = null;
            String content = null;
            Matcher attribute = ATTRIBUTE.matcher(tag);
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (attribute.group(1).equalsIgnoreCase("http-equiv")) {
                    httpEquiv = HtmlEscape.unescapeHtml(value).trim();
                } else {
                    content = HtmlEscape.unescapeHtml(value);
                }
            }
            if ("content-security-policy".equalsIgnoreCase(httpEquiv) && content != null) {
                policies.add(content);
            }
        }
        return policies;
    }

    /**
     * The nonce of the first of {@code directives} that a policy has (the browser uses that one alone for the
     * element), or {@code null}. Each policy is read on its own.
     */
    private static String nonce(List<String> directives, Collection<String> policies) {
        for (String policy : policies) {
            String nonce = nonceOfMostSpecific(directives, policy);
            if (nonce != null) {
                return nonce;
            }
        }
        return null;
    }

    private static String nonceOfMostSpecific(List<String> directives, String policy) {
        String[] chosen = null;
        int rank = directives.size();
        for (String directive : policy.split(";")) {
            String[] tokens = directive.trim().split("\\s+");
            int at = directives.indexOf(tokens[0].toLowerCase(Locale.ROOT));
            if (at >= 0 && at < rank) {
                rank = at;
                chosen = tokens;
            }
        }
        if (chosen != null) {
            for (String token : chosen) {
                if (token.regionMatches(true, 0, NONCE, 0, NONCE.length()) && token.endsWith("'")
                        && token.length() > NONCE.length() + 1) {
                    return token.substring(NONCE.length(), token.length() - 1);
                }
            }
        }
        return null;
    }
}
