/** Machinery of the servlet module; not part of the API and free to change. */
package dev.debugtoolbar.servlet.internal;
