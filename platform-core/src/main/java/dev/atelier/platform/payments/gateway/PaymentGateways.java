package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.payments.model.Provider;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The gateways this installation has, by provider. */
@Component
public class PaymentGateways {

    private final Map<Provider, PaymentGateway> byProvider = new EnumMap<>(Provider.class);

    public PaymentGateways(List<PaymentGateway> gateways) {
        for (PaymentGateway gateway : gateways) {
            if (byProvider.put(gateway.provider(), gateway) != null) {
                throw new IllegalStateException("two gateways for " + gateway.provider());
            }
        }
    }

    public Optional<PaymentGateway> of(Provider provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }
}
