/**
 * Feature flags, and a custom toolbar panel that shows them: {@link dev.debugtoolbar.sample.flags.FlagsPanel}
 * is the worked example of {@code docs/custom-panels.md}, built on the toolbar's public API only.
 */
package dev.debugtoolbar.sample.flags;
