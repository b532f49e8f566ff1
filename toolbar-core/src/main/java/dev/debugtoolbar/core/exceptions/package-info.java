/**
 * The Exceptions panel: the exception that escaped the application (recorded by the host, status 500) and
 * any the application recorded itself, with causes and stacks, the application's own frames highlighted.
 */
package dev.debugtoolbar.core.exceptions;
