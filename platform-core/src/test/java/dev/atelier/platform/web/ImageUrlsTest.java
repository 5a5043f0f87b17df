package dev.atelier.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which image URLs a chain may set: many cases by hand, and seeded generated private addresses. */
class ImageUrlsTest {

    private static final long SEED = Long.getLong("fuzz.seed", 16L);

    @Test
    void httpsOnPublicHostsAndRootRelativePathsAreFine() {
        for (String url : List.of("https://cdn.lotus.test/logo.svg", "https://img.example.com/a/b.png?v=2#x",
                "https://EXAMPLE.com/logo.png", "https://example.com:8443/x.png", "https://example.com./x.png",
                "https://8.8.8.8/x.png", "https://[2606:4700:4700::1111]/x.png", "https://a-b.example.co.uk",
                "/media/logo.png", "/", "/assets/hero.jpg?size=large", "https://xn--fiq228c.example/x.png")) {
            assertThat(ImageUrls.problemWith(url, false)).as(url).isEmpty();
            assertThat(ImageUrls.problemWith(url, true)).as(url).isEmpty();
        }
        assertThat(ImageUrls.problemWith(null, false)).isEmpty();
        assertThat(ImageUrls.problemWith(" ", false)).isEmpty();
    }

    @Test
    void plainHttpOnlyWhereAllowed() {
        assertThat(ImageUrls.problemWith("http://cdn.lotus.test/logo.svg", true)).isEmpty();
        assertThat(ImageUrls.problemWith("HTTP://cdn.lotus.test/logo.svg", true)).isEmpty();
        assertThat(ImageUrls.problemWith("http://cdn.lotus.test/logo.svg", false)).get().asString()
                .contains("https");
    }

    @Test
    void protocolRelativeUserInfoAndOtherSchemesAreRefused() {
        for (String url : List.of("//evil.example/x", "//evil.example", "///evil.example/x", "/\\evil.example/x",
                "https://user@example.com/x.png", "https://user:pw@example.com/x.png", "https://@example.com/x",
                "https://example.com@evil.example/x", "javascript:alert(1)", "data:image/svg+xml,<svg>",
                "ftp://example.com/x.png", "file:///etc/passwd", "https:/example.com/x", "https:example.com/x",
                "https://", "https:///x.png", "logo.png", "example.com/logo.png", "https://x.test/\"onload=",
                "https://x.test/logo.png<script>", "https://x.test/a b.png", "https://x.test/a(b).png",
                "https://x.test/a\\b", "https://x.test/\ta", "https://ex%61mple.com/x", "https://exa_mple.com/x",
                "https://" + "a".repeat(ImageUrls.MAX_LENGTH) + ".com/")) {
            assertThat(ImageUrls.problemWith(url, true)).as(url).isPresent();
            assertThat(ImageUrls.problemWith(url, false)).as(url).isPresent();
        }
    }

    @Test
    void namesOfThisMachineOrAPrivateNetworkAreRefused() {
        for (String host : List.of("localhost", "LOCALHOST", "localhost.", "aurora.localhost", "a.b.localhost",
                "printer.local", "metadata.google.internal", "intranet", "router.home.arpa", "nas.lan",
                "localhost.localdomain", "metadata")) {
            for (String scheme : List.of("https://", "http://")) {
                String url = scheme + host + "/x.png";
                assertThat(ImageUrls.problemWith(url, true)).as(url).isPresent();
            }
        }
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefusedInEverySpelling() {
        List<String> hosts = new ArrayList<>(List.of("127.0.0.1", "127.0.0.1:9200", "127.1", "2130706433",
                "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "017700000001", "0.0.0.0", "0", "10.0.0.1",
                "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "100.127.255.255", "198.18.0.1", "192.0.0.1", "224.0.0.1", "240.0.0.1", "255.255.255.255",
                "[::1]", "[0:0:0:0:0:0:0:1]", "[::]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::ffff:10.0.0.1]",
                "[::ffff:169.254.169.254]", "[::127.0.0.1]", "[64:ff9b::10.0.0.1]", "[fe80::1]", "[febf::1]",
                "[fc00::1]", "[fd12:3456:789a::1]", "[fec0::1]", "[ff02::1]", "[2001:db8::1]", "[::1%25eth0]"));
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            hosts.add("127." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
            hosts.add("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
            hosts.add("172." + (16 + random.nextInt(16)) + "." + random.nextInt(256) + "." + random.nextInt(256));
            hosts.add("192.168." + random.nextInt(256) + "." + random.nextInt(256));
            hosts.add("169.254." + random.nextInt(256) + "." + random.nextInt(256));
            hosts.add(
                    "[fd%02x:%x::%x]".formatted(random.nextInt(256), random.nextInt(0x10000), random.nextInt(0x10000)));
            hosts.add("[fe8%x::%x:%x]".formatted(random.nextInt(16), random.nextInt(0x10000), random.nextInt(0x10000)));
            hosts.add("[::ffff:192.168.%d.%d]".formatted(random.nextInt(256), random.nextInt(256)));
        }
        for (String host : hosts) {
            for (String scheme : List.of("https://", "http://")) {
                String url = scheme + host + "/logo.png";
                assertThat(ImageUrls.problemWith(url, true)).as("seed %d: %s", SEED, url).isPresent();
            }
        }
    }

    @Test
    void publicNeighboursOfThePrivateRangesAreFine() {
        for (String host : List.of("11.0.0.1", "172.15.255.255", "172.32.0.1", "192.169.0.1", "169.255.0.1",
                "100.63.255.255", "100.128.0.1", "126.255.255.255", "128.0.0.1", "223.255.255.254",
                "[2a00:1450:4001::1]", "[fbff::1]", "localhost.example.com", "local.example.com")) {
            String url = "https://" + host + "/logo.png";
            assertThat(ImageUrls.problemWith(url, false)).as(url).isEmpty();
        }
    }
}
