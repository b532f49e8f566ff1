/**
 * The toolbar's entry point and request model, free of any servlet dependency.
 *
 * <p>{@link dev.debugtoolbar.core.DebugToolbar} is built once per application. A host (the servlet
 * filter) calls {@code start} when a request begins, {@code bind} around the application's work so
 * that collectors on the request thread find the {@link dev.debugtoolbar.core.RequestContext}, and
 * {@code finish} when the response is known; {@code finish} asks every panel for its immutable stats
 * and keeps the resulting {@link dev.debugtoolbar.core.RequestRecord} in the store. Rendering happens
 * later, from the stored record only.
 */
package dev.debugtoolbar.core;
