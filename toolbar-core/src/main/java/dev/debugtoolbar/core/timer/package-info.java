/** The Timer panel: wall time, CPU time and allocation of the request thread. */
package dev.debugtoolbar.core.timer;
