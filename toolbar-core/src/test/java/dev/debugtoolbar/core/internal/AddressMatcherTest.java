package dev.debugtoolbar.core.internal;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

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

    /**
     * Whatever the client "address" is (the servlet container's {@code getRemoteAddr()}, a hop of
     * {@code X-Forwarded-For}), the matcher never asks the name service: a matcher for every address (so that a
     * resolved name would match) is asked about names and malformed literals, with a security manager watching
     * for lookups ({@code checkConnect(host, -1)}, which the JDK calls before each one).
     */
    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "example.org", "1.2.3.999", "999.0.0.1", "127.0.0.1.",
            "0127.0.0.1", "127.1", "1:2:3", "::1::", "12345::1", "[::1", "\u0661.1.1.1"})
    void neverAsksTheNameServiceAndTreatsNoNameAsAnAddress(String address) {
        AddressMatcher everything = AddressMatcher.of(List.of("0.0.0.0/0", "::/0"));
        List<String> lookups = new ArrayList<>();
        assertFalse(watchingLookups(lookups, () -> everything.matches(address)), address);
        assertEquals(List.of(), lookups);
    }

    @ParameterizedTest
    @CsvSource({"fe80::1%eth0, fe80::/10", "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "::ffff:10.1.2.3, 10.1.2.0/24", "64:ff9b::10.1.2.3, 64:ff9b::/96", "ABCD::EF, abcd::ef"})
    void readsEveryFormOfAddressLiteral(String address, String range) {
        assertTrue(AddressMatcher.of(List.of(range)).matches(address), address + " in " + range);
    }

    @SuppressWarnings("removal")
    private static boolean watchingLookups(List<String> lookups, BooleanSupplier action) {
        Thread caller = Thread.currentThread();
        SecurityManager previous = System.getSecurityManager();
        try {
            System.setSecurityManager(new SecurityManager() {
                @Override
                public void checkConnect(String host, int port) {
                    if (port == -1 && Thread.currentThread() == caller) {
                        lookups.add(host);
                    }
                }

                @Override
                public void checkPermission(Permission permission) {
                }
            });
        } catch (UnsupportedOperationException noSecurityManagerInThisJdk) {
            Assumptions.abort("this JDK cannot watch name lookups: " + noSecurityManagerInThisJdk);
        }
        try {
            return action.getAsBoolean();
        } finally {
            System.setSecurityManager(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "abc.def"})
    void rejectsMalformedRangesWithTheOptionNamed(String range) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AddressMatcher.validate(List.of(range), "allowedClients"));
        assertTrue(error.getMessage().startsWith("allowedClients: "), error.getMessage());
    }
}
