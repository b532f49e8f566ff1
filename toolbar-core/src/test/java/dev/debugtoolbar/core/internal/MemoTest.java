package dev.debugtoolbar.core.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoTest {

    @Test
    void remembersTheFirstKeysOnlyAndAnswersEveryKeyAlike() {
        List<String> computed = new ArrayList<>();
        Memo<String, Integer> lengths = new Memo<>(2, key -> {
            computed.add(key);
            return key.length();
        });

        for (int round = 0; round < 3; round++) {
            assertEquals(1, lengths.get("a"));
            assertEquals(2, lengths.get("bb"));
            assertEquals(3, lengths.get("ccc"));
        }

        assertEquals(List.of("a", "bb", "ccc", "ccc", "ccc"), computed,
                "the first two keys are worked out once; the third, beyond the capacity, every time");
    }

    @Test
    void neverRemembersALongKeyOrALongAnswer() {
        Memo<String, String> echo = new Memo<>(4_096, key -> key);
        char[] megabyte = new char[1024 * 1024];
        for (int i = 0; i < 10_000; i++) {
            megabyte[i % megabyte.length] = (char) ('a' + i % 26);
            String key = i % 100 == 0 ? new String(megabyte) : "k".repeat(Memo.DEFAULT_MAX_KEY_CHARS) + i;
            assertEquals(key, echo.get(key));
        }

        assertEquals(0, echo.size(), "keys longer than the bound are worked out on every call");
        assertEquals(0, echo.chars());
    }

    @Test
    void keepsTheCharactersOfItsKeysAndAnswersWithinItsBound() {
        Memo<String, String> upper = new Memo<>(100_000, key -> key.toUpperCase(java.util.Locale.ROOT));
        for (int i = 0; i < 10_000; i++) {
            upper.get(("name-" + i + "-").repeat(20));
        }

        assertTrue(upper.chars() <= Memo.DEFAULT_MAX_CHARS, upper.chars() + " characters");
        assertTrue(upper.size() > 100 && upper.size() < 10_000, upper.size() + " keys");
        assertEquals("NAME-1-NAME-1-", upper.get("name-1-".repeat(20)).substring(0, 14), "still answers alike");
    }
}
