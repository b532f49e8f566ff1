package dev.debugtoolbar.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {

    private static final double[] VALUES = {0, 0.0004, 0.0005, 0.0425, 0.1235, 1.005, 2.675, 3.4, 99.995, 99.9949,
        100, 123.5, 1e-9, 12345.678, -0.5, -2.675, Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void decimalWritesWhatStringFormatWrites() {
        for (double value : VALUES) {
            for (int decimals = 0; decimals <= 3; decimals++) {
                assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), Text.decimal(value, decimals),
                        value + " with " + decimals + " decimals");
            }
        }
    }

    @Test
    void millisSuitTheirSize() {
        assertEquals("0.042 ms", Text.millis(0.0425 - 1e-9));
        assertEquals("3.40 ms", Text.millis(3.4));
        assertEquals("120 ms", Text.millis(120.2));
    }
}
