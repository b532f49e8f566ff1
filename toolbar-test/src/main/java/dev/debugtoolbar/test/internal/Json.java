package dev.debugtoolbar.test.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the test helpers: lenient about fields a newer toolbar adds. */
public final class Json {

    /** Reads the API's JSON and turns panels' stats into JSON; ignores unknown fields. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private Json() {
    }
}
