package dev.atelier.keycloak.sms;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The development "gateway": every message is appended, as one JSON line, to an outbox file that people (and tests)
 * read. The file is {@code data/sms-outbox.jsonl} under the server's home unless
 * {@code --spi-atelier-sms--outbox--file=PATH} says otherwise. Never for production: nothing is delivered.
 */
public final class OutboxSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "outbox";

    private OutboxSmsSender sender;

    @Override
    public SmsSender create(KeycloakSession session) {
        return sender;
    }

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("file");
        Path file = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("kc.home.dir", "."), "data", "sms-outbox.jsonl");
        sender = new OutboxSmsSender(file, Clock.systemUTC());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name("file")
                .type("string")
                .helpText("The outbox file messages are appended to (JSON lines).")
                .add()
                .build();
    }
}
