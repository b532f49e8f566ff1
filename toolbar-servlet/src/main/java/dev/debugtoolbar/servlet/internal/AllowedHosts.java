package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks the host names a request was addressed to against the configured
 * {@linkplain ToolbarConfig#allowedHosts() allowed hosts}: its {@code Host} header as the client sent it (not
 * {@code getServerName()}, which a container that trusts forwarding headers rewrites), and every host a proxy
 * named in {@code X-Forwarded-Host} or {@code Forwarded: host=}; all of them must pass. IP addresses,
 * {@code localhost} and names under {@code .localhost} always pass. Without this check a page from anywhere could
 * rebind its own name to the developer's machine (DNS rebinding) and, being same-origin with itself, read the
 * toolbar's records from the developer's browser: such requests arrive from loopback, but addressed to the page's
 * name.
 */
public final class AllowedHosts {

    private static final System.Logger LOG = System.getLogger(AllowedHosts.class.getName());
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Rejected names are logged once each, up to this many, so that a flood of names cannot grow memory. */
    private static final int MAX_LOGGED = 32;

    private final boolean anyHost;
    private final List<String> names;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** Checks hosts as {@code config} says. */
    public AllowedHosts(ToolbarConfig config) {
        this.anyHost = config.allowedHosts().contains("*");
        this.names = config.allowedHosts().stream().map(AllowedHosts::normalize).toList();
    }

    /** Whether the request was addressed to an allowed host; logs each rejected name once, with the remedy. */
    public boolean admits(HttpServletRequest request) {
        if (anyHost) {
            return true;
        }
        String sent = request.getHeader("Host");
        String host = firstRefused(List.of(sent != null ? hostOf(sent)
                : Objects.requireNonNullElse(request.getServerName(), "")));
        boolean proxyNamedHosts = request.getHeader("X-Forwarded-Host") != null
                || request.getHeader("Forwarded") != null;
        if (host == null && proxyNamedHosts) {
            host = firstRefused(forwardedHosts(request));
        }
        if (host == null) {
            return true;
        }
        if (logged.size() < MAX_LOGGED && logged.add(host)) {
            LOG.log(System.Logger.Level.WARNING, "The debug toolbar is not shown for requests addressed to host"
                    + " ''{0}'': only IP addresses, localhost and the names in the allowedHosts option are trusted"
                    + " (a guard against DNS rebinding). Add it with allowedHosts=\"{0}\" if it is yours.", host);
        }
        return false;
    }

    /** The first of these hosts that is not allowed, normalized, or {@code null} if all are. */
    private String firstRefused(List<String> hosts) {
        for (String host : hosts) {
            String name = normalize(host);
            if (!isAllowed(name)) {
                return name;
            }
        }
        return null;
    }

    /** The hosts a proxy named: each value of {@code X-Forwarded-Host} and each {@code host=} of {@code Forwarded}. */
    private static List<String> forwardedHosts(HttpServletRequest request) {
        List<String> hosts = new ArrayList<>();
        for (String value : Collections.list(request.getHeaders("X-Forwarded-Host"))) {
            for (String host : value.split(",")) {
                hosts.add(hostOf(host));
            }
        }
        for (String value : Collections.list(request.getHeaders("Forwarded"))) {
            for (String pair : value.split("[,;]")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("host")) {
                    hosts.add(hostOf(pair.substring(equals + 1).trim().replace("\"", "")));
                }
            }
        }
        return hosts;
    }

    /** The host of {@code host[:port]}, {@code [v6]:port} or a bare IPv6 address. */
    private static String hostOf(String hostAndPort) {
        String text = hostAndPort.trim();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            return end < 0 ? text : text.substring(0, end + 1);
        }
        int colon = text.indexOf(':');
        return colon >= 0 && colon == text.lastIndexOf(':') ? text.substring(0, colon) : text;
    }

    private boolean isAllowed(String host) {
        if (host.isEmpty() || IPV4.matcher(host).matches() || host.indexOf(':') >= 0
                || host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        for (String name : names) {
            if (name.startsWith(".") ? host.endsWith(name) || host.equals(name.substring(1)) : host.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without the brackets of an IPv6 literal or the dot of a fully qualified name. */
    private static String normalize(String host) {
        String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
