/**
 * The Settings panel: the toolbar's configuration, the servlet context's init parameters, system properties,
 * environment variables and JVM arguments, with secrets masked by the same rule as everywhere else.
 */
package dev.debugtoolbar.core.settings;
