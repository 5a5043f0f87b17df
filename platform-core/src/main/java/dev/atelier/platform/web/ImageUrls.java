package dev.atelier.platform.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a URL a chain sets (its logo, its hero image) may be shown on its pages: root-relative ({@code /media/x.png}
 * on the page's own host) or absolute {@code https://} on a public host; plain {@code http://} only where the caller
 * allows it (local mode). Refused: protocol-relative {@code //host/x} (another host), user info ({@code user@host}),
 * names of this machine or a private network ({@code localhost}, {@code *.localhost}, {@code *.local},
 * {@code *.internal}, names without a dot), and IP literals of loopback, link-local, private, unique-local,
 * carrier-grade NAT, multicast or reserved addresses (IPv4 in any spelling a browser reads as one, IPv6 with IPv4
 * inside it too). Nothing is looked up: a name is judged as written.
 */
public final class ImageUrls {

    public static final int MAX_LENGTH = 500;

    /** What may appear in a kept URL: no space, quotes, angle brackets, backslashes or parentheses (CSS, HTML). */
    private static final Pattern SAFE_CHARACTERS = Pattern.compile("[^\\s\"'<>()\\\\\\p{Cntrl}]+");
    private static final Pattern NAME = Pattern
            .compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    /** A last label a browser reads as (part of) an IPv4 address: decimal, octal or hex digits. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final List<String> PRIVATE_SUFFIXES = List.of("localhost", "local", "internal", "localdomain",
            "home.arpa", "lan", "intranet", "corp", "home");

    private ImageUrls() {
    }

    /**
     * Why {@code url} may not be shown, as words to follow "the logo" or "the hero image" ("must be …"), or empty
     * when it may. A null or blank URL is none, and fine.
     */
    public static Optional<String> problemWith(String url, boolean plainHttpAllowed) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String expected = plainHttpAllowed
                ? "must be an https (or, locally, http) URL on a public host, or root-relative (/...)"
                : "must be an https URL on a public host, or root-relative (/...)";
        if (url.length() > MAX_LENGTH || !SAFE_CHARACTERS.matcher(url).matches()) {
            return Optional.of(expected + ", at most " + MAX_LENGTH + " characters without spaces, quotes, <, >, "
                    + "parentheses or backslashes");
        }
        if (url.startsWith("//")) {
            return Optional.of(expected + ": //host/... is another host (protocol-relative), not root-relative");
        }
        if (url.startsWith("/")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || plainHttpAllowed && scheme.equals("http"))) {
            return Optional.of(expected);
        }
        String authority = uri.getRawAuthority();
        if (authority == null || uri.isOpaque()) {
            return Optional.of(expected);
        }
        if (authority.contains("@")) {
            return Optional.of(expected + ", without user info (user@host)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of(expected);
        }
        return hostProblem(host.toLowerCase(Locale.ROOT)).map(problem -> expected + ": " + problem);
    }

    private static Optional<String> hostProblem(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return addressProblem(parse(host.substring(1, host.length() - 1)));
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!NAME.matcher(name).matches()) {
            return Optional.of("the host is not a plain name or address");
        }
        String[] labels = name.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            if (!DOTTED_QUAD.matcher(name).matches()) {
                return Optional.of("an IPv4 address is written as four decimal numbers");
            }
            return addressProblem(parse(name));
        }
        if (labels.length < 2) {
            return Optional.of("a name without a dot is a local one");
        }
        for (String suffix : PRIVATE_SUFFIXES) {
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                return Optional.of("names under ." + suffix + " are not public");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> addressProblem(InetAddress address) {
        if (address == null) {
            return Optional.of("the host is not a valid address");
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean embedsV4 = isZero(b, 0, 12) || isNat64(b);
            if (embedsV4 && !isZero(b, 0, 16)) {
                return addressProblem(parse((b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "."
                        + (b[15] & 0xff)));
            }
            if (uniqueLocal || v6.isLoopbackAddress() || v6.isAnyLocalAddress() || v6.isLinkLocalAddress()
                    || v6.isSiteLocalAddress() || v6.isMulticastAddress() || (b[0] == 0x20 && b[1] == 0x01
                            && b[2] == 0x0d && (b[3] & 0xff) == 0xb8)) {
                return Optional.of("the address is not a public one");
            }
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean reserved = first == 0 || first >= 224 || first == 100 && (second & 0xc0) == 64
                || first == 198 && (second & 0xfe) == 18 || first == 192 && second == 0 && (b[2] & 0xff) == 0;
        if (reserved || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()) {
            return Optional.of("the address is not a public one");
        }
        return Optional.empty();
    }

    private static boolean isNat64(byte[] b) {
        return b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An IP literal (already checked to be one by its characters), or null; never a name lookup. */
    private static InetAddress parse(String literal) {
        if (!(literal.contains(":") && literal.matches("[0-9a-f:.]+") || DOTTED_QUAD.matcher(literal).matches())) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            return address instanceof Inet4Address || address instanceof Inet6Address ? address : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
