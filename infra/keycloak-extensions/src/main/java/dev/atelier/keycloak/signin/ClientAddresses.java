package dev.atelier.keycloak.signin;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who a client is, for counting its requests, by the rule the platform's own limiter uses: an IPv4 address as itself
 * (an IPv4-mapped IPv6 address as that IPv4 address), an IPv6 address by its /64 (one household or host gets a whole
 * /64), and every loopback address as one client. Only literal addresses are read; no name is ever looked up.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String key(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!literal.matches("[0-9A-Fa-f:.%a-zA-Z]+") || !(literal.contains(":") || literal.matches("[0-9.]+"))) {
            return "other:" + literal;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return "other:" + literal;
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        }
        return address.getHostAddress();
    }
}
