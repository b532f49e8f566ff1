package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses requests that came through a proxy, or claim to, unless the operator named the proxies to trust
 * ({@link ToolbarConfig#trustedProxies()}). A container that applies forwarding headers itself (Jetty's
 * {@code ForwardedRequestCustomizer}, Tomcat's {@code RemoteIpValve}, Spring Boot's
 * {@code server.forward-headers-strategy}) replaces the peer address and host name with what the headers say,
 * which anyone can send; the toolbar cannot tell a replaced address from a real one, so it does not decide on
 * either. A request counts as forwarded when it carries {@code Forwarded}, any {@code X-Forwarded-*}, or one of
 * the client-address headers proxies and CDNs use ({@code X-Real-IP}, {@code True-Client-IP},
 * {@code CF-Connecting-IP}, ...), or when Tomcat marks it as rewritten from such headers (its valve removes
 * {@code X-Forwarded-For} once read).
 */
public final class ForwardedRequests {

    private static final System.Logger LOG = System.getLogger(ForwardedRequests.class.getName());
    /** Tomcat's mark on a request its RemoteIpValve or RemoteIpFilter rewrote from forwarding headers. */
    private static final String TOMCAT_FORWARDED = "org.apache.tomcat.request.forwarded";
    private static final String PREFIX = "x-forwarded-";
    /** Case-insensitive, so that no header name is copied to compare it. */
    private static final Set<String> HEADERS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        HEADERS.addAll(List.of("forwarded", "x-real-ip", "true-client-ip", "cf-connecting-ip", "fastly-client-ip",
                "x-client-ip", "x-cluster-client-ip", "client-ip", "proxy-client-ip", "wl-proxy-client-ip",
                "x-original-forwarded-for", "x-original-host", "x-host", "x-proxyuser-ip"));
    }
    /** Warnings are logged once per header name, for a bounded number of names. */
    private static final int MAX_LOGGED = 32;

    private final boolean proxiesTrusted;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** Refuses forwarded requests unless {@code config} names trusted proxies. */
    public ForwardedRequests(ToolbarConfig config) {
        this.proxiesTrusted = !config.trustedProxies().isEmpty();
    }

    /** Whether the toolbar may decide on this request: it names no proxy, or trusted proxies are configured. */
    public boolean admits(HttpServletRequest request) {
        if (proxiesTrusted) {
            return true;
        }
        String sign = forwardingSign(request);
        if (sign == null) {
            return true;
        }
        if (logged.size() < MAX_LOGGED && logged.add(sign)) {
            LOG.log(System.Logger.Level.WARNING, "The debug toolbar is not shown for requests that came through a"
                    + " proxy ({0}): their client address and host can be forged. If a proxy of yours is in front,"
                    + " name it with trustedProxies (its address or range).", sign);
        }
        return false;
    }

    /** The header (or container mark) that says the request was forwarded, or {@code null}. */
    private static String forwardingSign(HttpServletRequest request) {
        if (request.getAttribute(TOMCAT_FORWARDED) != null) {
            return "the container rewrote it from forwarding headers";
        }
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || HEADERS.contains(name)) {
                return "header " + name;
            }
        }
        return null;
    }
}
