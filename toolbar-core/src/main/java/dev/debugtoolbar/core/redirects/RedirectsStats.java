package dev.debugtoolbar.core.redirects;

/**
 * What the Redirects panel shows.
 *
 * @param status      the response's status
 * @param location    the redirect's target as the application sent it, its secrets masked, or {@code null} when it
 *                    did not redirect
 * @param link        the target when it is safe to link to (http, https or a relative URL) and holds no secret, else
 *                    {@code null}
 * @param intercepted whether the browser was shown an intermediate page instead of following the redirect
 */
public record RedirectsStats(int status, String location, String link, boolean intercepted) {

    /** Whether the request answered with a redirect. */
    public boolean redirected() {
        return location != null;
    }
}
