package dev.atelier.platform.payments.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A provider's notice exactly as it arrived: the body's bytes (signatures are over them) and its headers. */
public record RawNotice(byte[] body, Map<String, String> headers) {

    public RawNotice {
        body = body == null ? new byte[0] : body.clone();
        headers = headers == null
                ? Map.of()
                : headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                        header -> header.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (one, other) -> one));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawNotice notice && Arrays.equals(body, notice.body) && headers.equals(notice.headers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(body) + headers.hashCode();
    }

    @Override
    public String toString() {
        return "RawNotice[" + body.length + " bytes, " + headers.keySet() + "]";
    }
}
