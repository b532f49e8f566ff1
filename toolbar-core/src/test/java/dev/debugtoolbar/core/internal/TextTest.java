package dev.debugtoolbar.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void previewsAJdkCollectionOnlyAsFarAsThePreviewReaches() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Object> entities = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int number = i;
            entities.add(new Object() {
                @Override
                public String toString() {
                    calls.incrementAndGet();
                    return "Entity[id=" + number + "]";
                }
            });
        }

        String preview = Text.preview(entities);

        assertTrue(preview.startsWith("[Entity[id=0], Entity[id=1], "), preview);
        assertTrue(preview.endsWith(" more)"), preview);
        assertTrue(calls.get() < 50, "toString calls: " + calls.get());
        assertEquals(java.util.List.of(1, 2).toString(), Text.preview(java.util.List.of(1, 2)));
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("a", 1);
        map.put("self", map);
        assertEquals("{a=1, self=(this Map)}", Text.preview(map));
    }

    @Test
    void previewsCollectionsWithTheirOwnTextAsTheySay() {
        java.util.List<String> custom = new java.util.AbstractList<>() {
            public String get(int index) { return "x"; }
            public int size() { return 3; }
            @Override
            public String toString() { return "three x"; }
        };
        assertEquals("three x", Text.preview(custom), "not a java.util class: its own toString");
    }

    @Test
    void previewsAFailingToStringAsTheFailure() {
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("lazy loading outside a session");
            }
        };
        String preview = Text.preview(java.util.List.of(broken));
        assertTrue(preview.contains("failed") && preview.contains("lazy loading"), preview);
    }

    @Test
    void writesDecimalsAsRoundingTheirDecimalTextHalfUpDoes() {
        java.util.Random random = new java.util.Random(42);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 1.005, 2.675, 0.125,
                -0.125, 0.0005, -0.0004, 999_999.995, 1e12 + 0.5, 123456789.125, 5e-7, 0.3, -2.5));
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(12) - 4);
            values.add((random.nextDouble() - 0.3) * magnitude);
            values.add(Math.round(random.nextDouble() * 100_000) / 1000.0 + 0.0005); // ties at 2 and 3 digits
        }
        for (double value : values) {
            for (int decimals = 0; decimals <= 6; decimals++) {
                String expected = java.math.BigDecimal.valueOf(value)
                        .setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
                assertEquals(expected, Text.decimal(value, decimals), value + " to " + decimals + " decimals");
            }
        }
    }
}
