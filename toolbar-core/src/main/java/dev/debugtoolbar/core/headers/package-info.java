/** The Headers panel: request and response headers, secrets masked. */
package dev.debugtoolbar.core.headers;
