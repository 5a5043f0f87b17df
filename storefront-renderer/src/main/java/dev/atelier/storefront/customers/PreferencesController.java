package dev.atelier.storefront.customers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.notifications.CustomerPreferences;
import dev.atelier.platform.notifications.model.Channel;
import dev.atelier.platform.notifications.model.Preferences;
import dev.atelier.platform.notifications.model.QuietHours;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in customer's notification preferences at this chain: the channels it may reach them by, promotions or
 * not, and quiet hours in their own zone. Another chain's choices are its own.
 */
@RestController
class PreferencesController {

    /** Quiet hours as the API shows them: {@code HH:mm} by the customer's clock in an IANA zone. */
    record QuietHoursBody(
            @NotNull @Pattern(regexp = Times.HOUR_MINUTE, message = "must be a time such as 22:00") String from,
            @NotNull @Pattern(regexp = Times.HOUR_MINUTE, message = "must be a time such as 08:00") String to,
            @NotNull @Size(min = 1, max = 64) String timezone) {
    }

    record PreferencesBody(
            @NotNull @Size(max = 3) List<@NotNull @Pattern(regexp = "email|sms|wechat", message = "must be email, sms or wechat") String> channels,
            @NotNull Boolean marketing,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Valid QuietHoursBody quietHours) {
    }

    private final CustomerProfiles profiles;
    private final CustomerPreferences preferences;

    PreferencesController(CustomerProfiles profiles, CustomerPreferences preferences) {
        this.profiles = profiles;
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me/preferences")
    PreferencesBody mine(@AuthenticationPrincipal Jwt token) {
        return body(preferences.of(profiles.profileOf(Caller.of(token)).id()));
    }

    @PutMapping("/api/v1/me/preferences")
    PreferencesBody choose(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PreferencesBody chosen) {
        Preferences parsed = parse(chosen);
        return body(preferences.choose(profiles.profileOf(Caller.of(token)).id(), parsed));
    }

    /** The preferences a valid body names; a zone that does not exist or an empty window is a 400 naming it. */
    static Preferences parse(PreferencesBody body) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        body.channels().forEach(channel -> channels.add(Channel.valueOf(channel.toUpperCase(Locale.ROOT))));
        return new Preferences(channels, body.marketing(), Optional.ofNullable(body.quietHours())
                .map(PreferencesController::quietHours));
    }

    private static QuietHours quietHours(QuietHoursBody body) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(body.timezone());
        } catch (DateTimeException unknown) {
            errors.add(new FieldError("quietHours.timezone", "must be a time zone such as Asia/Shanghai"));
        }
        if (body.from().equals(body.to())) {
            errors.add(new FieldError("quietHours.to", "must differ from the start"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new QuietHours(LocalTime.parse(body.from()), LocalTime.parse(body.to()), zone);
    }

    static PreferencesBody body(Preferences preferences) {
        return new PreferencesBody(preferences.channels().stream().sorted()
                .map(channel -> channel.name().toLowerCase(Locale.ROOT)).toList(), preferences.marketing(),
                preferences.quietHours().map(hours -> new QuietHoursBody(Times.format(hours.from()),
                        Times.format(hours.to()), hours.zone().getId())).orElse(null));
    }

    /** Times of day as {@code HH:mm}. */
    static final class Times {

        static final String HOUR_MINUTE = "([01][0-9]|2[0-3]):[0-5][0-9]";

        private Times() {
        }

        static String format(LocalTime time) {
            return "%02d:%02d".formatted(time.getHour(), time.getMinute());
        }
    }
}
