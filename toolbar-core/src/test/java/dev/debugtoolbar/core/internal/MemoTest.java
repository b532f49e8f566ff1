package dev.debugtoolbar.core.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
