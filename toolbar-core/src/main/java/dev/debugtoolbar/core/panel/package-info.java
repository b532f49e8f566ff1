/**
 * The panel SPI. Built-in panels and user panels implement the same {@link dev.debugtoolbar.core.panel.Panel}
 * interface; {@link dev.debugtoolbar.core.panel.PanelRegistry} gathers them (built-ins, then those found by
 * {@link java.util.ServiceLoader}, then those given to the builder).
 */
package dev.debugtoolbar.core.panel;
