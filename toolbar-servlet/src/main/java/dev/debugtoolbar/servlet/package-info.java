/**
 * The servlet host of the toolbar: {@link dev.debugtoolbar.servlet.DebugToolbarFilter} records each
 * request of an allowed client, injects the toolbar into HTML pages and serves the toolbar's endpoints;
 * {@link dev.debugtoolbar.servlet.AccessPolicy} decides who may see it;
 * {@link dev.debugtoolbar.servlet.DebugToolbarInitializer} registers the filter with no code when the toolbar
 * is enabled by property or environment.
 */
package dev.debugtoolbar.servlet;
