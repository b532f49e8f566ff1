package dev.debugtoolbar.core.versions;

/**
 * One library on the application's class path.
 *
 * @param name    its Maven coordinates ({@code groupId:artifactId}) where known, else its title or file name
 * @param version its version, or {@code null} when the jar does not say
 * @param file    the jar file it was found in
 */
public record Library(String name, String version, String file) {
}
