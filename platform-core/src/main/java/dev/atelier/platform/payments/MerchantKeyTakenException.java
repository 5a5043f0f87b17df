package dev.atelier.platform.payments;

import dev.atelier.platform.payments.model.Provider;

/** Another chain gave the platform the same provider key: one merchant account serves one chain. */
public class MerchantKeyTakenException extends RuntimeException {

    private final Provider provider;

    public MerchantKeyTakenException(Provider provider) {
        super("These " + provider.id() + " credentials are another chain's.");
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }
}
