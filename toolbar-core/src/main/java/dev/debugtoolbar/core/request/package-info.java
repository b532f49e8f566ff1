/** The Request panel: method, URL, parameters, cookies and session of the request, secrets masked. */
package dev.debugtoolbar.core.request;
