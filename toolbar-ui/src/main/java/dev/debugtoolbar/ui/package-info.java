/**
 * The toolbar's own user interface: {@link dev.debugtoolbar.ui.ToolbarRenderer} renders the toolbar and
 * its panels from stored records with a Thymeleaf engine of its own (never the application's), and
 * {@link dev.debugtoolbar.ui.ToolbarAssets} serves its one script and one stylesheet.
 */
package dev.debugtoolbar.ui;
