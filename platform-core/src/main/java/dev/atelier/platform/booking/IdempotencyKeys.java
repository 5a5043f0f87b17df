package dev.atelier.platform.booking;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every booking creation's {@code Idempotency-Key}, per caller, in the caller's transaction: the first request with a
 * key goes on and its answer is kept; a retry gets that answer again; the key with another request is refused.
 */
@Component
class IdempotencyKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EntityManager entities;

    IdempotencyKeys(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Claims {@code key} for {@code caller} and the request; empty when it is new (the caller goes on and then
     * {@link #answer}s), else the first answer again.
     *
     * @throws IdempotencyKeyReusedException when the key came with another request
     */
    Optional<BookingView> claim(String caller, String key, String request, Instant now) {
        String hash = sha256(request);
        int claimed = entities.createNativeQuery("""
                insert into idempotency_key (caller, key, request_hash, created_at)
                values (:caller, :key, :hash, :now) on conflict do nothing""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", hash)
                .setParameter("now", Timestamp.from(now)).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) entities.createNativeQuery("""
                select request_hash, response_status, cast(response_body as text) from idempotency_key
                 where caller = :caller and key = :key""")
                .setParameter("caller", caller).setParameter("key", key).getSingleResult();
        if (!hash.equals(((String) row[0]).strip())) {
            throw new IdempotencyKeyReusedException();
        }
        if (row[1] == null || row[2] == null) {
            throw new IllegalStateException("idempotency key " + key + " has no stored answer");
        }
        return Optional.of(JSON.readValue((String) row[2], BookingView.class));
    }

    /** Stores the first answer to {@code key}. */
    void answer(String caller, String key, BookingView booking) {
        entities.createNativeQuery("""
                update idempotency_key set response_status = 201, response_body = cast(:body as jsonb)
                 where caller = :caller and key = :key""")
                .setParameter("body", JSON.writeValueAsString(booking)).setParameter("caller", caller)
                .setParameter("key", key).executeUpdate();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
