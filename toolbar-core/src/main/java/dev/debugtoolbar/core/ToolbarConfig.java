package dev.debugtoolbar.core;

import dev.debugtoolbar.core.callsite.StackFilter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The toolbar's effective, immutable configuration; built by {@link DebugToolbar.Builder}.
 *
 * @param enabled         whether the toolbar records and shows anything at all
 * @param pathPrefix      where its endpoints live inside the application, for example {@code /__toolbar}
 * @param storeCapacity   how many recent requests the in-memory store keeps
 * @param maxBufferBytes  HTML responses larger than this stream through without a toolbar
 * @param allowedClients  addresses or CIDR ranges of clients that may see the toolbar
 * @param trustedProxies  addresses or CIDR ranges whose {@code X-Forwarded-For} header is believed
 * @param allowedHosts    host names a request may be addressed to (its {@code Host}) to see the toolbar, besides
 *                        IP addresses, {@code localhost} and names under {@code .localhost}; a name with a leading
 *                        dot also allows the names under it, {@code *} allows any (a guard against DNS rebinding)
 * @param excludedPaths   paths inside the application that are neither recorded nor touched: prefixes ending in
 *                        {@code /}, exact paths, or {@code *.ext} (see {@link DebugToolbar.Builder#excludedPaths})
 * @param sensitiveNames  names (of parameters, cookies, headers, attributes) whose values are masked
 * @param maxStatements   statements kept per request; further ones are only counted
 * @param maxTemplates    templates and fragments kept per request; further ones are only counted
 * @param maxCacheCalls   cache calls kept per request; further ones are only counted
 * @param interceptRedirects whether a redirect answering a browser's page request is replaced by a page that
 *                        shows its target link and the toolbar of the redirecting request
 * @param maxStacks       call-site stacks captured per request; later calls go without one
 * @param skippedPackages class-name prefixes whose frames are never a call site, besides
 *                        {@link StackFilter#DEFAULT_SKIPPED}
 * @param applicationPackages class-name prefixes whose frames are always the application's
 * @param slowStatementMillis statements slower than this are highlighted
 * @param nPlusOneThreshold this many similar statements from one call site are flagged as N+1
 * @param maxRecordBytes  the estimated size one request's record may reach; further details are only counted
 * @param maxStoreBytes   the estimated size of all the records the in-memory store keeps; the oldest go first
 */
public record ToolbarConfig(
        boolean enabled,
        String pathPrefix,
        int storeCapacity,
        long maxBufferBytes,
        List<String> allowedClients,
        List<String> trustedProxies,
        List<String> allowedHosts,
        List<String> excludedPaths,
        Pattern sensitiveNames,
        int maxStatements,
        int maxTemplates,
        int maxCacheCalls,
        boolean interceptRedirects,
        int maxStacks,
        List<String> skippedPackages,
        List<String> applicationPackages,
        double slowStatementMillis,
        int nPlusOneThreshold,
        long maxRecordBytes,
        long maxStoreBytes) {

    /** The system property that enables the toolbar when the builder does not say. */
    public static final String ENABLED_PROPERTY = "debugtoolbar.enabled";

    /** The environment variable that enables the toolbar when neither builder nor property says. */
    public static final String ENABLED_ENV = "DEBUG_TOOLBAR_ENABLED";

    public ToolbarConfig {
        allowedClients = List.copyOf(allowedClients);
        trustedProxies = List.copyOf(trustedProxies);
        allowedHosts = List.copyOf(allowedHosts);
        excludedPaths = List.copyOf(excludedPaths);
        skippedPackages = List.copyOf(skippedPackages);
        applicationPackages = List.copyOf(applicationPackages);
    }

    /** The filter that finds call sites with these packages. */
    public StackFilter stackFilter() {
        return new StackFilter(skippedPackages, applicationPackages);
    }

    /** Whether a name such as {@code password} or {@code X-Auth-Token} holds a secret. */
    public boolean isSensitive(String name) {
        return name != null && sensitiveNames.matcher(name).find();
    }
}
