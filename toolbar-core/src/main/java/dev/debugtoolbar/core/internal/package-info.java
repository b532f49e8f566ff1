/** Machinery of the core module; not part of the API and free to change. */
package dev.debugtoolbar.core.internal;
