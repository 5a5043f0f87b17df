package dev.atelier.keycloak.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class SendLimitsTest {

    /** Keycloak's store reduced to what the limits use: put-if-absent with expiry. */
    private static final class Store implements SingleUseObjectProvider {
        final Map<String, Long> expiries = new HashMap<>();
        long now;

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            Long expiry = expiries.get(key);
            if (expiry != null && expiry > now) {
                return false;
            }
            expiries.put(key, now + lifespanSeconds);
            return true;
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> get(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> remove(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean contains(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachKeyGetsMaxSendsPerWindowAndAFreshAllowanceInTheNext() {
        Store store = new Store();
        SendLimits limits = new SendLimits(store, 900);
        store.now = 900 * 10 + 5;

        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryTake("phone", "+8613800138000", 3, store.now)).isTrue();
        }
        assertThat(limits.tryTake("phone", "+8613800138000", 3, store.now)).isFalse();
        assertThat(limits.tryTake("phone", "+8613800138001", 3, store.now)).as("another number").isTrue();
        assertThat(limits.tryTake("address", "+8613800138000", 3, store.now)).as("another kind").isTrue();

        store.now = 900 * 11;
        assertThat(limits.tryTake("phone", "+8613800138000", 3, store.now)).as("next window").isTrue();
    }

    @Test
    void theStoreNeverHoldsTheNumberInTheClear() {
        Store store = new Store();
        new SendLimits(store, 900).tryTake("phone", "+8613800138000", 3, 1000);

        assertThat(store.expiries.keySet()).noneMatch(key -> key.contains("8613800138000"));
    }
}
