package dev.debugtoolbar.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Matches IP address literals against addresses and CIDR ranges such as {@code 127.0.0.0/8} or
 * {@code ::1}. Reads the literals itself and never asks the name service: a host name, or anything else that is
 * not an address literal, matches nothing, and costs no DNS lookup.
 */
public final class AddressMatcher {

    private final List<Range> ranges;
    private final Memo<String, Boolean> verdicts = new Memo<>(1_024, this::judge);

    private AddressMatcher(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** A matcher for these ranges; throws {@link IllegalArgumentException} for a malformed one. */
    public static AddressMatcher of(List<String> addressesOrRanges) {
        return new AddressMatcher(addressesOrRanges.stream().map(AddressMatcher::parseRange).toList());
    }

    /** Checks that every entry parses, naming {@code option} in the error. */
    public static void validate(List<String> addressesOrRanges, String option) {
        try {
            of(addressesOrRanges);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code address} (a literal) lies in one of the ranges; {@code false} for anything unparsable. The
     * answers for the first addresses asked about are remembered: a toolbar sees few clients, every request.
     */
    public boolean matches(String address) {
        return address != null && verdicts.get(address);
    }

    private boolean judge(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Range parseRange(String text) {
        if (text == null) {
            throw new IllegalArgumentException("null is not an address");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(host);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'");
        }
        int maxBits = bytes.length * 8;
        int bits = maxBits;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > maxBits) {
                throw new IllegalArgumentException("prefix length must be 0.." + maxBits + " in '" + text + "'");
            }
        }
        return new Range(bytes, bits);
    }

    /**
     * The address bytes of an IPv4 literal (dotted decimal, four parts) or an IPv6 literal (optionally in
     * brackets, with a zone after {@code %} that is ignored), or {@code null}. An IPv4-mapped IPv6 address
     * ({@code ::ffff:127.0.0.1}) gives its four IPv4 bytes. Parsed here, so never a DNS lookup.
     */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return candidate.indexOf(':') < 0 ? ipv4(candidate) : ipv6(candidate);
    }

    /** Four decimal numbers 0-255 joined by dots; a leading zero is refused (some systems read it as octal). */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < part.length(); k++) {
                char digit = part.charAt(k);
                if (digit < '0' || digit > '9') {
                    return null;
                }
                value = value * 10 + (digit - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** Eight groups of 1-4 hex digits, one {@code ::} for a run of zero groups, the last two as IPv4 if dotted. */
    private static byte[] ipv6(String text) {
        int zone = text.indexOf('%');
        String address = zone < 0 ? text : text.substring(0, zone);
        byte[] embedded = null;
        int lastColon = address.lastIndexOf(':');
        if (address.indexOf('.') >= 0) {
            embedded = ipv4(address.substring(lastColon + 1));
            if (embedded == null) {
                return null;
            }
            boolean afterDoubleColon = lastColon > 0 && address.charAt(lastColon - 1) == ':';
            address = address.substring(0, afterDoubleColon ? lastColon + 1 : lastColon);
        }
        int groupsWanted = embedded == null ? 8 : 6;
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = gap < 0 ? groups(address) : groups(address.substring(0, gap));
        List<Integer> tail = gap < 0 ? List.of() : groups(address.substring(gap + 2));
        if (head == null || tail == null || (gap < 0 ? head.size() != groupsWanted
                : head.size() + tail.size() >= groupsWanted)) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            bytes[2 * i] = (byte) (head.get(i) >> 8);
            bytes[2 * i + 1] = (byte) (int) head.get(i);
        }
        int tailStart = groupsWanted - tail.size();
        for (int i = 0; i < tail.size(); i++) {
            bytes[2 * (tailStart + i)] = (byte) (tail.get(i) >> 8);
            bytes[2 * (tailStart + i) + 1] = (byte) (int) tail.get(i);
        }
        if (embedded != null) {
            System.arraycopy(embedded, 0, bytes, 12, 4);
        }
        return isIpv4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    /** The values of colon-separated groups of 1-4 hex digits; none for empty text; {@code null} if malformed. */
    private static List<Integer> groups(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split(":", -1);
        List<Integer> values = new ArrayList<>(parts.length);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < part.length(); k++) {
                int digit = hexDigit(part.charAt(k));
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            values.add(value);
        }
        return values;
    }

    /** The value of an ASCII hex digit, or -1 (other scripts' digits are not part of an address). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    private record Range(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixBits % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - restBits)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
