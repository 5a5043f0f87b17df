package dev.atelier.keycloak.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.keycloak.models.RealmModel;

/** Appends {@code {"at":…,"realm":…,"to":…,"text":…}} lines to a file; see {@link OutboxSmsSenderFactory}. */
final class OutboxSmsSender implements SmsSender {

    private final Path file;
    private final Clock clock;

    OutboxSmsSender(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public void send(RealmModel realm, String phone, String text) {
        String line = "{\"at\":" + Json.quote(clock.instant().toString())
                + ",\"realm\":" + Json.quote(realm.getName())
                + ",\"to\":" + Json.quote(phone)
                + ",\"text\":" + Json.quote(text) + "}\n";
        synchronized (this) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new SmsNotSentException("could not write to the SMS outbox " + file, e);
            }
        }
    }
}
