package dev.debugtoolbar.servlet;

import dev.debugtoolbar.core.ToolbarConfig;
import dev.debugtoolbar.servlet.internal.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;

/**
 * Decides whether a request's client may see the toolbar. A client that may not sees no header, no
 * toolbar and a 404 on every toolbar URL, and its requests are not recorded.
 */
@FunctionalInterface
public interface AccessPolicy {

    /** Whether this request's client may see the toolbar. */
    boolean allows(HttpServletRequest request);

    /**
     * The default policy: the client's address (the direct peer; behind a configured trusted proxy, the
     * address that proxy reports in {@code X-Forwarded-For}) lies in the configured allowed clients,
     * loopback by default.
     */
    static AccessPolicy clientAddressIn(ToolbarConfig config) {
        ClientAddress addresses = new ClientAddress(config);
        return request -> addresses.isAllowed(request);
    }

    /** Allows only what both this policy and {@code other} allow. */
    default AccessPolicy and(AccessPolicy other) {
        Objects.requireNonNull(other, "other");
        return request -> allows(request) && other.allows(request);
    }

    /** Allows what either this policy or {@code other} allows. */
    default AccessPolicy or(AccessPolicy other) {
        Objects.requireNonNull(other, "other");
        return request -> allows(request) || other.allows(request);
    }
}
