package dev.atelier.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One client is one key, however it spells its address; seeded generated addresses (the seed is in each message). */
class ClientKeysTest {

    private static final long SEED = Long.getLong("fuzz.seed", 16L);
    private final Random random = new Random(SEED);

    @Test
    void anIpv4AddressIsItsOwnKeyHoweverItIsWritten() {
        for (int i = 0; i < 2_000; i++) {
            int[] octets = {1 + random.nextInt(223), random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            if (octets[0] == 127) {
                continue;
            }
            String dotted = octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
            String hex = "%x%02x:%x%02x".formatted(octets[0], octets[1], octets[2], octets[3]);
            for (String spelling : List.of(dotted, "::ffff:" + dotted, "[::ffff:" + dotted + "]",
                    "0:0:0:0:0:ffff:" + dotted, "::FFFF:" + hex, "0:0:0:0:0:ffff:" + hex, " " + dotted + " ")) {
                assertThat(ClientKeys.of(spelling)).as("seed %d: %s", SEED, spelling).isEqualTo(dotted);
            }
        }
    }

    @Test
    void distinctIpv4AddressesAreDistinctKeys() {
        Set<String> keys = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String address = (10 + random.nextInt(100)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256);
            addresses.add(address);
            keys.add(ClientKeys.of(address));
        }
        assertThat(keys).as("seed %d", SEED).hasSameSizeAs(addresses);
    }

    @Test
    void anIpv6ClientIsItsSlash64WhicheverInterfaceIdAndSpellingItUses() {
        for (int i = 0; i < 2_000; i++) {
            int[] prefix = globalPrefix();
            String key = ClientKeys.of(spell(prefix, interfaceId(), 0));
            assertThat(key).as("seed %d", SEED).isEqualTo("%x:%x:%x:%x::/64".formatted(prefix[0], prefix[1],
                    prefix[2], prefix[3]));
            for (int spelling = 0; spelling < 5; spelling++) {
                assertThat(ClientKeys.of(spell(prefix, interfaceId(), spelling))).as("seed %d", SEED)
                        .isEqualTo(key);
            }

            int[] neighbour = prefix.clone();
            int group = random.nextInt(4);
            neighbour[group] ^= 1 << random.nextInt(16);
            assertThat(ClientKeys.of(spell(neighbour, interfaceId(), random.nextInt(5)))).as("seed %d", SEED)
                    .isNotEqualTo(key);
        }
    }

    @Test
    void everyLoopbackAddressIsOneClient() {
        List<String> loopbacks = new ArrayList<>(List.of("127.0.0.1", "::1", "[::1]", "0:0:0:0:0:0:0:1",
                "0000:0000:0000:0000:0000:0000:0000:0001", "::ffff:127.0.0.1", "[::ffff:127.0.0.1]",
                "127.255.255.254"));
        for (int i = 0; i < 500; i++) {
            loopbacks.add("127." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
        }
        for (String address : loopbacks) {
            assertThat(ClientKeys.of(address)).as("seed %d: %s", SEED, address).isEqualTo(ClientKeys.LOOPBACK);
        }
        assertThat(ClientKeys.of("::2")).isNotEqualTo(ClientKeys.LOOPBACK);
        assertThat(ClientKeys.of("128.0.0.1")).isEqualTo("128.0.0.1");
    }

    @Test
    void whatIsNoIpLiteralIsKeptAsItIsAndNeverLookedUp() {
        assertThat(ClientKeys.of(null)).isEqualTo("unknown");
        assertThat(ClientKeys.of(" ")).isEqualTo("unknown");
        assertThat(ClientKeys.of("Evil.Example")).isEqualTo("evil.example");
        assertThat(ClientKeys.of("999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(ClientKeys.of("1:2:3")).isEqualTo("1:2:3");
        assertThat(ClientKeys.of("cafe")).isEqualTo("cafe");
        assertThat(ClientKeys.of("fe80::1%eth0")).isEqualTo(ClientKeys.of("fe80::2")).isEqualTo("fe80:0:0:0::/64");
    }

    /** A global unicast /64 prefix (2000::/3) as four 16-bit groups. */
    private int[] globalPrefix() {
        return new int[]{0x2000 | random.nextInt(0x2000), random.nextInt(0x10000), random.nextInt(0x10000),
                random.nextInt(0x10000)};
    }

    private int[] interfaceId() {
        int[] id = new int[4];
        for (int i = 0; i < 4; i++) {
            id[i] = random.nextInt(8) == 0 ? 0 : random.nextInt(0x10000);
        }
        return id;
    }

    /** The address in one of several spellings: full, zero-padded, compressed, upper case, bracketed with a zone. */
    private static String spell(int[] prefix, int[] id, int spelling) {
        int[] groups = {prefix[0], prefix[1], prefix[2], prefix[3], id[0], id[1], id[2], id[3]};
        List<String> parts = new ArrayList<>();
        for (int group : groups) {
            parts.add(spelling == 1 ? "%04x".formatted(group) : Integer.toHexString(group));
        }
        String full = String.join(":", parts);
        return switch (spelling) {
            case 2 -> compressed(groups);
            case 3 -> full.toUpperCase(Locale.ROOT);
            case 4 -> "[" + compressed(groups) + "%eth0]";
            default -> full;
        };
    }

    /** The longest run of two or more zero groups written as {@code ::}. */
    private static String compressed(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            List<String> parts = new ArrayList<>();
            for (int group : groups) {
                parts.add(Integer.toHexString(group));
            }
            return String.join(":", parts);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bestStart; i++) {
            text.append(i > 0 ? ":" : "").append(Integer.toHexString(groups[i]));
        }
        text.append("::");
        for (int i = bestStart + bestLength; i < groups.length; i++) {
            text.append(i > bestStart + bestLength ? ":" : "").append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
