package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.Provider;
import java.util.Optional;

/**
 * Our own records of whose a notice can be, for providers that sign or encrypt notices per chain: Alipay signs with the
 * key of the chain's app (found by the order the notice names, which must be one of ours), WeChat Pay encrypts with
 * the chain's APIv3 key and signs with the public key whose id the notice's header names. A notice no record
 * answers for is refused; what the body claims is never taken for whose it is.
 */
public interface MerchantKeys {

    /** The credentials of the chain whose order (at {@code provider}) {@code orderKey} is. */
    Optional<MerchantCredentials> ofOrder(Provider provider, String orderKey);

    /** The credentials of the chain that gave the platform the provider's key {@code keyId} (WeChat Pay's public key id). */
    Optional<MerchantCredentials> ofKey(Provider provider, String keyId);

    /** No chain's: for providers whose notices are signed with the platform's own secret (Stripe Connect). */
    MerchantKeys NONE = new MerchantKeys() {
        @Override
        public Optional<MerchantCredentials> ofOrder(Provider provider, String orderKey) {
            return Optional.empty();
        }

        @Override
        public Optional<MerchantCredentials> ofKey(Provider provider, String keyId) {
            return Optional.empty();
        }
    };
}
