package dev.debugtoolbar.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches IP address literals against addresses and CIDR ranges such as {@code 127.0.0.0/8} or
 * {@code ::1}. Never resolves host names: anything that is not an address literal is rejected.
 */
public final class AddressMatcher {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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

    /** The address bytes of an IPv4 or IPv6 literal, or {@code null}; never a DNS lookup. */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!IPV4.matcher(candidate).matches() && candidate.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
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
