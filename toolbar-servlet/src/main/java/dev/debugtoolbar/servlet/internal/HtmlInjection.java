package dev.debugtoolbar.servlet.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inserts the loader tag before the last {@code </body>} of a page (case-insensitive); a page without one
 * is returned unchanged. Pages in common ASCII-compatible charsets are searched as bytes, without decoding.
 */
public final class HtmlInjection {

    private static final Set<Charset> ASCII_COMPATIBLE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
    private static final Pattern SCRIPT_NONCE = Pattern.compile(
            "(?:^|;)\\s*(?:script-src-elem|script-src|default-src)\\s[^;]*'nonce-([A-Za-z0-9+/=_-]+)'",
            Pattern.CASE_INSENSITIVE);

    private HtmlInjection() {
    }

    /** The page with {@code tag} before its last {@code </body>}, as bytes in {@code charset}. */
    public static byte[] inject(byte[] page, int length, String tag, Charset charset) {
        if (!ASCII_COMPATIBLE.contains(charset)) {
            StringBuilder text = new StringBuilder(new String(page, 0, length, charset));
            inject(text, tag);
            return text.toString().getBytes(charset);
        }
        int at = lastBodyClose(page, length);
        if (at < 0) {
            return java.util.Arrays.copyOf(page, length);
        }
        byte[] insert = tag.getBytes(charset);
        byte[] result = new byte[length + insert.length];
        System.arraycopy(page, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(page, at, result, at + insert.length, length - at);
        return result;
    }

    /**
     * Puts {@code tag} before the last {@code </body>} of {@code page}, in place: only what follows that tag
     * moves, which is short. A page without one is left as it is.
     */
    public static void inject(StringBuilder page, String tag) {
        int at = lastBodyClose(page);
        if (at >= 0) {
            page.insert(at, tag);
        }
    }

    /** The script nonce a page's Content-Security-Policy headers allow, or {@code null}. */
    public static String scriptNonce(Collection<String> policies) {
        for (String policy : policies) {
            Matcher matcher = SCRIPT_NONCE.matcher(policy);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static int lastBodyClose(byte[] page, int length) {
        for (int i = length - 7; i >= 0; i--) {
            if (page[i] == '<' && page[i + 1] == '/' && isBodyCloseAt(i, index -> (char) page[index], length)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastBodyClose(CharSequence page) {
        for (int i = page.length() - 7; i >= 0; i--) {
            if (page.charAt(i) == '<' && page.charAt(i + 1) == '/' && isBodyCloseAt(i, page::charAt, page.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code </body} followed by {@code >} or white space starts at {@code start}. */
    private static boolean isBodyCloseAt(int start, java.util.function.IntUnaryOperator charAt, int length) {
        String name = "body";
        for (int k = 0; k < name.length(); k++) {
            if (Character.toLowerCase((char) charAt.applyAsInt(start + 2 + k)) != name.charAt(k)) {
                return false;
            }
        }
        int after = start + 6;
        if (after >= length) {
            return false;
        }
        char next = (char) charAt.applyAsInt(after);
        return next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '\f';
    }
}
