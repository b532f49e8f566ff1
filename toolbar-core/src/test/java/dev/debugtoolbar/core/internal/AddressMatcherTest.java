package dev.debugtoolbar.core.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressMatcherTest {

    private final AddressMatcher loopback = AddressMatcher.of(List.of("127.0.0.0/8", "::1"));

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "127.255.3.4, true", "::1, true", "0:0:0:0:0:0:0:1, true", "[::1], true",
            "::ffff:127.0.0.1, true", "128.0.0.1, false", "10.0.0.1, false", "::2, false", "fe80::1, false"})
    void matchesLoopbackByDefault(String address, boolean expected) {
        assertEquals(expected, loopback.matches(address));
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3, true", "10.1.2.255, true", "10.1.3.0, false", "192.168.1.20, true", "192.168.1.21, false"})
    void matchesRangesAndSingleAddresses(String address, boolean expected) {
        AddressMatcher matcher = AddressMatcher.of(List.of("10.1.2.0/24", "192.168.1.20"));
        assertEquals(expected, matcher.matches(address));
    }

    @Test
    void matchesPrefixesThatEndInsideAByte() {
        AddressMatcher matcher = AddressMatcher.of(List.of("172.16.0.0/12"));
        assertTrue(matcher.matches("172.31.255.255"));
        assertFalse(matcher.matches("172.32.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "", "not an address", "300.1.1.1"})
    void neverResolvesHostNames(String address) {
        assertFalse(loopback.matches(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "abc.def"})
    void rejectsMalformedRangesWithTheOptionNamed(String range) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AddressMatcher.validate(List.of(range), "allowedClients"));
        assertTrue(error.getMessage().startsWith("allowedClients: "), error.getMessage());
    }
}
