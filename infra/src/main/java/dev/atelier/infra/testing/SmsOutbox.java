package dev.atelier.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.infra.servers.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text messages a local Keycloak "sent" (its development outbox file, one JSON object per line). */
public final class SmsOutbox {

    /** A message as written to the outbox. */
    public record Message(String at, String realm, String to, String text) {

        /** The first run of 6 digits in the text: the sign-in code. */
        public Optional<String> code() {
            Matcher matcher = CODE.matcher(text);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }
    }

    private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private final Path file;

    public SmsOutbox(Path file) {
        this.file = file;
    }

    /** Every message so far, oldest first. */
    public List<Message> messages() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(Http::json)
                    .map(SmsOutbox::message)
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** The messages sent to {@code phone} (E.164), oldest first. */
    public List<Message> sentTo(String phone) {
        return messages().stream().filter(message -> message.to().equals(phone)).toList();
    }

    /** The code in the latest message to {@code phone}. */
    public String latestCodeFor(String phone) {
        List<Message> sent = sentTo(phone);
        if (sent.isEmpty()) {
            throw new AssertionError("no text message to " + phone + " in " + file);
        }
        return sent.getLast().code().orElseThrow(() -> new AssertionError("no code in " + sent.getLast()));
    }

    private static Message message(JsonNode line) {
        return new Message(line.path("at").asText(), line.path("realm").asText(), line.path("to").asText(),
                line.path("text").asText());
    }
}
