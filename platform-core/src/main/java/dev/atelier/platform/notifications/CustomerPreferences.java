package dev.atelier.platform.notifications;

import dev.atelier.platform.notifications.model.Channel;
import dev.atelier.platform.notifications.model.Preferences;
import dev.atelier.platform.notifications.model.QuietHours;
import jakarta.persistence.EntityManager;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the current chain's customers chose ({@code customer_preferences}): read by every notification, changed only
 * by the customer. The moment they agreed to promotions is kept while they agree.
 */
@Service
public class CustomerPreferences {

    private final EntityManager entities;
    private final Clock clock;

    CustomerPreferences(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    /** What {@code customerId} chose, or {@link Preferences#DEFAULT} until they choose (a guest: {@code null}). */
    @Transactional(readOnly = true)
    public Preferences of(UUID customerId) {
        if (customerId == null) {
            return Preferences.DEFAULT;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select channels, marketing, quiet_from, quiet_to, quiet_zone from customer_preferences
                 where customer_id = :customer""").setParameter("customer", customerId).getResultList();
        return rows.stream().findFirst().map(CustomerPreferences::preferences).orElse(Preferences.DEFAULT);
    }

    /** Keeps what {@code customerId} chose now, in place of what they chose before. */
    @Transactional
    public Preferences choose(UUID customerId, Preferences chosen) {
        Optional<QuietHours> quiet = chosen.quietHours();
        entities.createNativeQuery("""
                insert into customer_preferences (customer_id, channels, marketing, marketing_agreed_at, quiet_from,
                       quiet_to, quiet_zone, updated_at)
                values (:customer, :channels, :marketing, case when :marketing then cast(:now as timestamptz) end,
                        cast(:from as time), cast(:to as time), :zone, cast(:now as timestamptz))
                on conflict (customer_id) do update
                   set channels = excluded.channels, marketing = excluded.marketing,
                       marketing_agreed_at = case when not excluded.marketing then null
                                                  else coalesce(customer_preferences.marketing_agreed_at,
                                                                cast(:now as timestamptz)) end,
                       quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                       quiet_zone = excluded.quiet_zone, updated_at = excluded.updated_at""")
                .setParameter("customer", customerId)
                .setParameter("channels", chosen.channels().stream().sorted().map(Channel::name)
                        .collect(Collectors.joining(",")))
                .setParameter("marketing", chosen.marketing())
                .setParameter("now", Timestamp.from(clock.instant()))
                .setParameter("from", quiet.map(hours -> hours.from().toString()).orElse(null))
                .setParameter("to", quiet.map(hours -> hours.to().toString()).orElse(null))
                .setParameter("zone", quiet.map(hours -> hours.zone().getId()).orElse(null))
                .executeUpdate();
        return chosen;
    }

    private static Preferences preferences(Object[] row) {
        String listed = (String) row[0];
        Set<Channel> channels = listed.isEmpty()
                ? EnumSet.noneOf(Channel.class)
                : Arrays.stream(listed.split(",")).map(Channel::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        Optional<QuietHours> quiet = row[2] == null
                ? Optional.empty()
                : Optional.of(new QuietHours(time(row[2]), time(row[3]), ZoneId.of((String) row[4])));
        return new Preferences(channels, (Boolean) row[1], quiet);
    }

    private static LocalTime time(Object value) {
        return value instanceof Time time ? time.toLocalTime() : (LocalTime) value;
    }
}
