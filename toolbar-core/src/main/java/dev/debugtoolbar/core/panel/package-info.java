/**
 * The panel SPI. Built-in panels and user panels implement the same {@link dev.debugtoolbar.core.panel.Panel}
 * interface; {@link dev.debugtoolbar.core.panel.PanelRegistry} gathers them (built-ins, then those found by
 * {@link java.util.ServiceLoader}, then those given to the builder). A panel reads its own
 * {@link dev.debugtoolbar.core.panel.PanelSettings} once when the toolbar is built, collects during each request
 * (unless the user switched it off), and gives one {@link dev.debugtoolbar.core.panel.PanelResult} per request:
 * stats, an error, or "disabled". {@code docs/custom-panels.md} walks through writing one.
 */
package dev.debugtoolbar.core.panel;
