package dev.atelier.platform.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local stack's demo data under {@code atelier.demo}: whether it is seeded, and the file of merchant credentials
 * that match the local payment fakes ({@code payment-keys}; the local stack writes it), with which the demo chains
 * take payments. Without that file the demo chains are paid at the salon only.
 */
@ConfigurationProperties("atelier.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("") String paymentKeys) {
}
