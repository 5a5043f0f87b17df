package dev.atelier.platform.payments.alipay;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body read strictly, as Alipay's notices are: ASCII on the wire,
 * {@code %XX} escapes decoding to UTF-8, every name once. Anything else is malformed, never guessed at.
 */
final class FormBody {

    static final int MAX_BYTES = 64 * 1024;

    private FormBody() {
    }

    /** The fields of {@code body}, in their order; {@link MalformedFormException} when it is not a strict form. */
    static Map<String, String> parse(byte[] body) {
        if (body.length == 0 || body.length > MAX_BYTES) {
            throw new MalformedFormException("a form of 1 to " + MAX_BYTES + " bytes");
        }
        for (byte octet : body) {
            if (octet < 0x20 || octet == 0x7f) {
                throw new MalformedFormException("a form is printable ASCII");
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new MalformedFormException("a form field is name=value");
            }
            String name = decoded(pair.substring(0, equals));
            if (fields.putIfAbsent(name, decoded(pair.substring(equals + 1))) != null) {
                throw new MalformedFormException("the field " + name + " is given twice");
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String decoded(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < component.length() ? Character.digit(component.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(component.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new MalformedFormException("a % escape is two hex digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("a form's escapes are UTF-8");
        }
    }

    /** The body is not a strict form. */
    static final class MalformedFormException extends RuntimeException {

        MalformedFormException(String message) {
            super(message);
        }
    }
}
