package dev.debugtoolbar.servlet.internal;

import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.core.internal.AddressMatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;

/**
 * Finds a request's client address. {@code X-Forwarded-For} is believed only when the direct peer is a
 * configured trusted proxy; then the nearest address in the header that is not itself a trusted proxy is
 * the client.
 */
public final class ClientAddress {

    private final AddressMatcher allowed;
    private final AddressMatcher trustedProxies;
    private final boolean anyProxyTrusted;

    /** Resolves and checks addresses as {@code config} says. */
    public ClientAddress(ToolbarConfig config) {
        this.allowed = AddressMatcher.of(config.allowedClients());
        this.trustedProxies = AddressMatcher.of(config.trustedProxies());
        this.anyProxyTrusted = !config.trustedProxies().isEmpty();
    }

    /** Whether the request's client address is an allowed one. */
    public boolean isAllowed(HttpServletRequest request) {
        return allowed.matches(resolve(request));
    }

    /** The request's client address. */
    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!anyProxyTrusted || !trustedProxies.matches(peer)) {
            return peer;
        }
        List<String> hops = Collections.list(request.getHeaders("X-Forwarded-For")).stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .map(String::trim)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.matches(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }
}
