package dev.debugtoolbar.core;

import java.util.List;
import java.util.Map;

/** What the toolbar may read of the response when the request ends, independent of the host's API. */
public interface ResponseView {

    /** The status code. */
    int status();

    /** The content type, or {@code null} when none was set. */
    String contentType();

    /** Response headers by name, each with all its values, as far as the host knows them. */
    Map<String, List<String>> headers();
}
