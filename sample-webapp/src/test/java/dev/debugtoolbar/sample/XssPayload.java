package dev.debugtoolbar.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One cross-site scripting payload of the corpus: if a browser ever runs it, it sets the global
 * {@code window.__xss_<number>} (or its parent's, from a frame), so a test can tell which one got through.
 *
 * @param number its number in the corpus, from 1
 * @param text   the payload
 */
record XssPayload(int number, String text) {

    /** Characters a cookie value may not hold (RFC 6265), so those payloads travel in other fields only. */
    private static final Pattern NOT_IN_A_COOKIE = Pattern.compile("[\\s\",;\\\\]");

    /** Each payload with {@code N} standing for its number. */
    private static final List<String> TEMPLATES = List.of(
            "<script>window.__xss_N=1</script>",
            "<ScRiPt>window.__xss_N=1</sCrIpT>",
            "<img src=x onerror=window.__xss_N=1>",
            "<img/src=x/onerror=window.__xss_N=1>",
            "<svg onload=window.__xss_N=1>",
            "<svg/onload=window.__xss_N=1>",
            "<svg><script>window.__xss_N=1</script></svg>",
            "\"><img src=x onerror=window.__xss_N=1>",
            "'><img src=x onerror=window.__xss_N=1>",
            "'><svg/onload=window.__xss_N=1>",
            "\" autofocus onfocus=\"window.__xss_N=1\" x=\"",
            "' autofocus onfocus='window.__xss_N=1' x='",
            "javascript:window.__xss_N=1",
            "JaVaScRiPt:window.__xss_N=1",
            "java\tscript:window.__xss_N=1",
            "data:text/html,<script>parent.__xss_N=1</script>",
            "<a href=\"javascript:window.__xss_N=1\">click</a>",
            "<a href=\"jav&#x09;ascript:window.__xss_N=1\">click</a>",
            "</script><script>window.__xss_N=1</script>",
            "</textarea><img src=x onerror=window.__xss_N=1>",
            "</style><img src=x onerror=window.__xss_N=1>",
            "</title></noscript><svg/onload=window.__xss_N=1>",
            "--><img src=x onerror=window.__xss_N=1><!--",
            "&lt;script&gt;window.__xss_N=1&lt;/script&gt;",
            "&#x3C;img src=x onerror=window.__xss_N=1&#x3E;",
            "&#60;svg onload=window.__xss_N=1&#62;",
            "\\u003cimg src=x onerror=window.__xss_N=1\\u003e",
            "%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss_N%3D1%3E",
            "[[${'<img src=x onerror=window.__xss_N=1>'}]]",
            "[(${'<img src=x onerror=window.__xss_N=1>'})]",
            "${7*7}<svg/onload=window.__xss_N=1>",
            "{{constructor.constructor('window.__xss_N=1')()}}",
            "__${'<img src=x onerror=window.__xss_N=1>'}__::x",
            "<div style=\"width:expression(window.__xss_N=1)\">css</div>",
            "<style>@import 'javascript:window.__xss_N=1';</style>",
            "<iframe srcdoc=\"<script>parent.__xss_N=1</script>\"></iframe>",
            "<iframe src=\"javascript:parent.__xss_N=1\"></iframe>",
            "<object data=\"data:text/html,<script>parent.__xss_N=1</script>\"></object>",
            "<details open ontoggle=window.__xss_N=1>",
            "<input autofocus onfocus=window.__xss_N=1>",
            "<body onload=window.__xss_N=1>",
            "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss_N=1>",
            "<scr<script>ipt>window.__xss_N=1</scr</script>ipt>",
            "';window.__xss_N=1;//",
            "\";window.__xss_N=1;//",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss_N=1\">");

    /** The whole corpus, numbered from 1. */
    static List<XssPayload> corpus() {
        List<XssPayload> corpus = new ArrayList<>();
        for (String template : TEMPLATES) {
            int number = corpus.size() + 1;
            corpus.add(new XssPayload(number, template.replace("__xss_N", "__xss_" + number)));
        }
        return List.copyOf(corpus);
    }

    /** Whether a browser can send it as a cookie value unchanged. */
    boolean fitsACookie() {
        return !NOT_IN_A_COOKIE.matcher(text).find();
    }
}
