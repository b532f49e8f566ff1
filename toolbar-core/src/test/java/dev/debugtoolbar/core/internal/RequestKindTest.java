package dev.debugtoolbar.core.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestKindTest {

    /** The headers Chromium sends for each kind of request: only a script's call is fetch/XHR. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "font (crossorigin by default),       cors,        font,     -,              false",
            "module script,                       cors,        script,   -,              false",
            "crossorigin image,                   cors,        image,    -,              false",
            "same-origin style sheet,             no-cors,     style,    -,              false",
            "page navigation,                     navigate,    document, -,              false",
            "fetch() from the page,               cors,        empty,    -,              true",
            "same-origin fetch(),                 same-origin, empty,    -,              true",
            "XMLHttpRequest without Sec-Fetch,    -,           -,        XMLHttpRequest, true",
            "no browser at all,                   -,           -,        -,              false"})
    void callsOnlyAScriptsRequestFetchOrXhr(String what, String mode, String dest, String requestedWith,
                                           boolean ajax) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Sec-Fetch-Mode", mode);
        headers.put("Sec-Fetch-Dest", dest);
        headers.put("X-Requested-With", requestedWith);
        assertEquals(ajax, RequestKind.isAjax(headers::get), what);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"text/css, true", "text/javascript;charset=UTF-8, true",
            "application/javascript, true", "image/svg+xml, true", "font/woff2, true", "video/mp4, true",
            "application/wasm, true", "text/html;charset=UTF-8, false", "application/json, false",
            "text/plain, false", "-, false", "'', false"})
    void toldStaticFilesByContentType(String contentType, boolean staticFile) {
        assertEquals(staticFile, RequestKind.isStaticFile(contentType), contentType);
    }
}
