package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.HostInfo;
import dev.debugtoolbar.core.RequestView;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RequestView} over a live servlet request. Parameters are read only when a panel asks (at the
 * end of the request), so that the application's own reading of the body is never disturbed.
 */
public final class ServletRequestView implements RequestView {

    private final HttpServletRequest request;
    private final String remoteAddress;
    private final HostInfo host;

    /** A view of {@code request}, whose client is {@code remoteAddress}, in the container {@code host} describes. */
    public ServletRequestView(HttpServletRequest request, String remoteAddress, HostInfo host) {
        this.request = request;
        this.remoteAddress = remoteAddress;
        this.host = host;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String url() {
        return request.getRequestURL().toString();
    }

    @Override
    public String path() {
        return pathInApplication(request);
    }

    @Override
    public String query() {
        return request.getQueryString();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return parseQuery(request.getQueryString());
    }

    @Override
    public Map<String, List<String>> formParameters() {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        Map<String, List<String>> fromQuery = parseQuery(request.getQueryString());
        Map<String, List<String>> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            List<String> remaining = new ArrayList<>(List.of(values));
            fromQuery.getOrDefault(name, List.of()).forEach(remaining::remove);
            if (!remaining.isEmpty()) {
                form.put(name, remaining);
            }
        });
        return form;
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public HostInfo host() {
        return host;
    }

    @Override
    public Map<String, String> cookies() {
        Cookie[] cookies = request.getCookies();
        Map<String, String> byName = new LinkedHashMap<>();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                byName.put(cookie.getName(), cookie.getValue());
            }
        }
        return byName;
    }

    @Override
    public Map<String, Object> sessionAttributes() {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Map.of();
        }
        try {
            Map<String, Object> attributes = new LinkedHashMap<>();
            for (String name : Collections.list(session.getAttributeNames())) {
                attributes.put(name, session.getAttribute(name));
            }
            return attributes;
        } catch (IllegalStateException invalidated) {
            return Map.of();
        }
    }

    /** The request's path inside the application, as sent (not decoded). */
    public static String pathInApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }

    private static Map<String, List<String>> parseQuery(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
