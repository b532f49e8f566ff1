package dev.debugtoolbar.core.versions;

import dev.debugtoolbar.core.DebugToolbar;
import dev.debugtoolbar.core.FakeRequest;
import dev.debugtoolbar.core.FakeResponse;
import dev.debugtoolbar.core.RequestRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionsPanelTest {

    @Test
    void listsTheLibrariesOnTheClassPathWithTheirVersionsOnce() {
        DebugToolbar toolbar = DebugToolbar.builder().enabled(true).build();
        VersionsStats first = versions(toolbar.finish(toolbar.start(new FakeRequest("/")), new FakeResponse(200)));
        VersionsStats second = versions(toolbar.finish(toolbar.start(new FakeRequest("/")), new FakeResponse(200)));

        Library jupiter = library(first, "junit-jupiter-api-");
        assertEquals("junit-jupiter-api", jupiter.name(), "from the manifest's Implementation-Title");
        assertEquals(org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion(), jupiter.version());
        Library proxy = library(first, "datasource-proxy-");
        assertEquals("net.ttddyy:datasource-proxy", proxy.name(), "from pom.properties");
        assertEquals("1.11.0", proxy.version());
        assertSame(first.libraries(), second.libraries(), "listed once, shared afterwards");
        assertTrue(first.java().contains(System.getProperty("java.version")), first.java());
        assertNull(first.server(), "no servlet container in a unit test");
    }

    private static Library library(VersionsStats stats, String filePrefix) {
        return stats.libraries().stream().filter(library -> library.file().startsWith(filePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError(filePrefix + " missing from " + stats.libraries()));
    }

    private static VersionsStats versions(RequestRecord record) {
        return (VersionsStats) record.panel("versions").orElseThrow().stats();
    }
}
