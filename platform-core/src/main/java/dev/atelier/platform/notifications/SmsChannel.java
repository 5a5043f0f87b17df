package dev.atelier.platform.notifications;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Text messages through the provider that reaches the number: Aliyun for mainland China, Twilio elsewhere
 * ({@link SmsGateway}). A number is read with libphonenumber, written E.164.
 */
@Component
class SmsChannel {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final List<SmsGateway> gateways;

    SmsChannel(ObjectProvider<SmsGateway> gateways) {
        this.gateways = gateways.orderedStream().toList();
    }

    /** Whether any provider is set up (without one, the platform sends no texts and logs none). */
    boolean available() {
        return !gateways.isEmpty();
    }

    /** {@code phone} as E.164 if it is a possible number in international form. */
    static Optional<String> e164(String phone) {
        return parse(phone).map(number -> PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /** The provider that would carry a text to {@code phone}. */
    Optional<SmsGateway> gatewayFor(String phone) {
        return parse(phone).flatMap(number -> gateways.stream().filter(gateway -> gateway.reaches(number))
                .findFirst());
    }

    private static Optional<PhoneNumber> parse(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(phone, "ZZ");
            return PHONES.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }
}
