package dev.atelier.platform.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key a client address is counted under by a {@link RateLimiter}: one client is one key, however it spells its
 * address.
 * <ul>
 * <li>IPv4: the address ({@code 203.0.113.7}); an IPv4-mapped or IPv4-compatible IPv6 address counts as that IPv4
 * address ({@code ::ffff:203.0.113.7} is {@code 203.0.113.7}).
 * <li>IPv6: its /64 ({@code 2001:db8:1:2::/64}), the block one subscriber or host is given, so walking through the
 * 2<sup>64</sup> addresses of one's own network gains nothing. A zone ({@code %eth0}) is ignored.
 * <li>Loopback: {@code 127.0.0.0/8} and {@code ::1} are one client, {@code loopback}: every one of them is this machine
 * (a local proxy, a script), so switching between them gains nothing.
 * <li>Anything that is not an IP literal (a servlet container gives one always) is kept as it is, lower case.
 * </ul>
 * No name is ever looked up.
 */
public final class ClientKeys {

    public static final String LOOPBACK = "loopback";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private ClientKeys() {
    }

    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        InetAddress ip = parse(literal);
        if (ip == null) {
            return address.strip().toLowerCase(Locale.ROOT);
        }
        if (ip instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress() && !isUnspecifiedOrLoopback(v6)) {
            byte[] bytes = v6.getAddress();
            ip = v4(bytes[12], bytes[13], bytes[14], bytes[15]);
        }
        if (ip.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        byte[] bytes = ip.getAddress();
        StringBuilder key = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            key.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)))
                    .append(':');
        }
        return key.append(":/64").toString();
    }

    /** An IP literal, or null: only strings that are IP literals by their characters are parsed (no name lookup). */
    private static InetAddress parse(String literal) {
        boolean v4 = IPV4.matcher(literal).matches();
        if (v4) {
            for (String octet : literal.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!literal.contains(":") || !IPV6.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isUnspecifiedOrLoopback(Inet6Address address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[]{a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
