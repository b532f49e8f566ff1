/**
 * The Versions panel: Java runtime, servlet container and API, and the application's libraries as found in
 * the jars' {@code pom.properties} and manifests (listed once, then shared).
 */
package dev.debugtoolbar.core.versions;
