package dev.atelier.keycloak.sms;

import org.keycloak.provider.ProviderFactory;

/** Makes {@link SmsSender}s; implementations are listed in {@code META-INF/services}. */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {
}
