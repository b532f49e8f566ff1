/**
 * Where records of recent requests are kept. {@link dev.debugtoolbar.core.store.RequestStore} is a small
 * contract so that a shared store can replace the default {@link dev.debugtoolbar.core.store.InMemoryRequestStore}.
 */
package dev.debugtoolbar.core.store;
