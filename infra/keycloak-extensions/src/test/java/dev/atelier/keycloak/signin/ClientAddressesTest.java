package dev.atelier.keycloak.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void ipv4IsItselfAndMappedIpv6CountsAsIt() {
        assertThat(ClientAddresses.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.key("203.0.113.8")).isNotEqualTo(ClientAddresses.key("203.0.113.7"));
    }

    @Test
    void everyLoopbackAddressIsOneClient() {
        assertThat(ClientAddresses.key("127.0.0.1")).isEqualTo("loopback");
        assertThat(ClientAddresses.key("127.1.2.3")).isEqualTo("loopback");
        assertThat(ClientAddresses.key("::1")).isEqualTo("loopback");
        assertThat(ClientAddresses.key("[::1]")).isEqualTo("loopback");
        assertThat(ClientAddresses.key("0:0:0:0:0:0:0:1")).isEqualTo("loopback");
    }

    /** Over seeded random IPv6 addresses: the same /64 is one client whatever the rest, another /64 another. */
    @Test
    void ipv6CountsByItsSlash64() {
        long seed = Long.getLong("addresses.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                groups[g] = random.nextInt(0x10000);
            }
            groups[0] = 0x2001 + random.nextInt(0x100);
            String address = spelled(groups);
            int[] sameNetwork = groups.clone();
            sameNetwork[4 + random.nextInt(4)] ^= 1 + random.nextInt(0xFFFF);
            int[] otherNetwork = groups.clone();
            otherNetwork[random.nextInt(4)] ^= 1 + random.nextInt(0xFFFF);
            assertThat(ClientAddresses.key(spelled(sameNetwork))).as("seed %d", seed)
                    .isEqualTo(ClientAddresses.key(address)).endsWith("/64");
            assertThat(ClientAddresses.key(spelled(otherNetwork))).as("seed %d", seed)
                    .isNotEqualTo(ClientAddresses.key(address));
        }
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThat(ClientAddresses.key("example.com")).startsWith("other:");
        assertThat(ClientAddresses.key(null)).isEqualTo("unknown");
        assertThat(ClientAddresses.key("")).isEqualTo("unknown");
    }

    private static String spelled(int[] groups) {
        StringBuilder address = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            address.append(g == 0 ? "" : ":").append(Integer.toHexString(groups[g]));
        }
        return address.toString();
    }
}
