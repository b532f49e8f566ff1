/**
 * The Cache panel. {@link dev.debugtoolbar.core.cache.JCacheRecorder} wraps a JCache ({@code javax.cache})
 * {@code Cache} or {@code CacheManager} so that every call made while a request is recorded lands in the
 * request's log; any other cache reports its calls through {@link dev.debugtoolbar.core.cache.CacheRecorder}.
 * {@link dev.debugtoolbar.core.cache.CachePanel} summarises the log when the request ends, resolving call
 * sites only then.
 *
 * <p>The JCache API is an optional dependency: only {@code JCacheRecorder} and the decorators it creates
 * refer to it, so the rest of the toolbar works without it on the classpath.
 */
package dev.debugtoolbar.core.cache;
