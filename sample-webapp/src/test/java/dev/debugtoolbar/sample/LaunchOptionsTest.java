package dev.debugtoolbar.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final String[] NO_ARGS = {};

    @Test
    void defaultsToLoopbackAndPort8080() {
        assertEquals(new LaunchOptions("127.0.0.1", 8080), LaunchOptions.parse(NO_ARGS, Map.of()));
    }

    @Test
    void takesThePortFromTheEnvironment() {
        assertEquals(9000, LaunchOptions.parse(NO_ARGS, Map.of("PORT", "9000")).port());
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--port", "0", "--host", "0.0.0.0"},
                Map.of("PORT", "9000"));

        assertEquals(new LaunchOptions("0.0.0.0", 0), options);
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--port"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--prot", "1"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(new String[] {"--port", "x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(NO_ARGS, Map.of("PORT", "70000")));
    }
}
