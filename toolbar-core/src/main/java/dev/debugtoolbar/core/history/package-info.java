/**
 * The History panel: recent requests, fetch and XHR calls included, rendered in the browser from the JSON API
 * so that the list is always current; choosing one switches the whole toolbar to it.
 */
package dev.debugtoolbar.core.history;
