package dev.atelier.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.web.WebProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CredentialVaultTest {

    static final String OLD = Base64.getEncoder().encodeToString("an old key of exactly 32 bytes!!".getBytes());
    static final String NEW = Base64.getEncoder().encodeToString("a new key, also exactly 32 bytes".getBytes());

    @Test
    void sealedCredentialsOpenOnlyForTheirChainAndProviderAndOnlyUnaltered() {
        CredentialVault vault = vault(Map.of("k1", OLD), "k1", false);
        String sealed = vault.seal("secret", "chain-a:alipay");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("secret");
        assertThat(vault.open(sealed, "chain-a:alipay")).isEqualTo("secret");
        assertThat(vault.seal("secret", "chain-a:alipay")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> vault.open(sealed, "chain-b:alipay")).isInstanceOf(SealedCredentialException.class);
        assertThatThrownBy(() -> vault.open(sealed, "chain-a:wechatpay"))
                .isInstanceOf(SealedCredentialException.class);
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> vault.open(altered, "chain-a:alipay")).isInstanceOf(SealedCredentialException.class);
        assertThatThrownBy(() -> vault.open("plain text", "chain-a:alipay"))
                .isInstanceOf(SealedCredentialException.class);
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldOneSealedAndSealsWithTheNewOne() {
        String sealedBefore = vault(Map.of("k1", OLD), "k1", false).seal("secret", "chain-a:stripe");
        CredentialVault rotated = vault(Map.of("k1", OLD, "k2", NEW), "k2", false);
        assertThat(rotated.open(sealedBefore, "chain-a:stripe")).isEqualTo("secret");
        assertThat(CredentialVault.keyOf(rotated.seal("secret", "chain-a:stripe"))).isEqualTo("k2");
        assertThatThrownBy(() -> vault(Map.of("k2", NEW), "k2", false).open(sealedBefore, "chain-a:stripe"))
                .as("once the old key is gone").isInstanceOf(SealedCredentialException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void theLocalKeySealsOnlyInLocalModeAndBadKeysStopTheStart() {
        assertThatThrownBy(() -> vault(Map.of(PaymentProperties.LOCAL_KEY_ID, OLD), PaymentProperties.LOCAL_KEY_ID,
                false).seal("secret", "chain-a:stripe")).isInstanceOf(CredentialKeyMissingException.class);
        assertThat(vault(Map.of(PaymentProperties.LOCAL_KEY_ID, OLD), PaymentProperties.LOCAL_KEY_ID, true)
                .seal("secret", "chain-a:stripe")).startsWith("v1:local-only:");
        assertThatThrownBy(() -> vault(Map.of("k1", OLD), "k9", false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault(Map.of("k1", "c2hvcnQ="), "k1", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> vault(Map.of("k1", "not base64!"), "k1", false))
                .isInstanceOf(IllegalStateException.class);
    }

    private static CredentialVault vault(Map<String, String> keys, String active, boolean localMode) {
        return new CredentialVault(new PaymentProperties(keys, active, Duration.ofMinutes(15), Duration.ofMinutes(3)),
                new WebProperties(URI.create("http://localhost:8080"), localMode, DataSize.ofKilobytes(64)));
    }
}
