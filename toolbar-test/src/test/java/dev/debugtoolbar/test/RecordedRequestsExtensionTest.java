package dev.debugtoolbar.test;

import dev.debugtoolbar.core.DebugToolbar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit 5 extension over a toolbar in this process: {@code last()} belongs to the running test. */
class RecordedRequestsExtensionTest {

    private static final DebugToolbar TOOLBAR = DebugToolbar.builder().enabled(true).build();

    @RegisterExtension
    static final RecordedRequestsExtension REQUESTS = RecordedRequestsExtension.in(() -> TOOLBAR);

    @BeforeAll
    static void recordARequestBeforeAnyTest() {
        record("/before-all");
    }

    @Test
    void lastIsARequestOfTheRunningTestOnly() {
        AssertionError none = assertThrows(AssertionError.class, REQUESTS::last);
        assertTrue(none.getMessage().contains("No request was recorded since this test began in the toolbar's"
                + " store (it keeps the newest 100 requests)"), none.getMessage());

        String mine = record("/mine");

        assertEquals(mine, REQUESTS.last().id());
        assertEquals(mine, REQUESTS.withId(mine).id());
    }

    private static String record(String path) {
        return TOOLBAR.finish(TOOLBAR.start(new RecordedRequestTest.Request(path)), new RecordedRequestTest.Response())
                .id();
    }
}
