package dev.atelier.platform.notifications;

import dev.atelier.platform.notifications.model.Channel;
import dev.atelier.platform.notifications.model.Delivery;
import dev.atelier.platform.notifications.model.DeliveryStatus;
import dev.atelier.platform.notifications.model.NotificationId;
import dev.atelier.platform.notifications.model.NotificationKind;
import dev.atelier.platform.notifications.model.Preferences;
import dev.atelier.platform.outbox.OutboxConsumer;
import dev.atelier.platform.outbox.RelayedEvent;
import dev.atelier.platform.tenancy.SchemaName;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a booking's customer by email when it is confirmed, moved or cancelled, in the chain's brand and language,
 * with the booking as a calendar entry and a link back to it on the chain's site. It follows the outbox through the
 * relay; each message is a row of the chain's delivery log ({@code notification}) whose id comes from the event, so
 * an event handled again sends nothing more once its message went. A guest without an address is logged as skipped.
 * Each handled event also plans the booking's reminders ({@link BookingReminders}) from its state now.
 * On when {@code atelier.notifications.enabled} (the back office's app sends them).
 */
@Component
@ConditionalOnProperty(name = "atelier.notifications.enabled", havingValue = "true")
class BookingNotifications implements OutboxConsumer {

    private static final Logger log = LoggerFactory.getLogger(BookingNotifications.class);

    private final TenantDirectory tenants;
    private final EntityManager entities;
    private final TransactionTemplate transactions;
    private final Themes themes;
    private final StorefrontUrls storefronts;
    private final EmailChannel email;
    private final Clock clock;
    private final Configuration templates;
    private final BookingReminders reminders;
    private final CustomerPreferences preferences;
    private final SmsChannel sms;

    BookingNotifications(TenantDirectory tenants, EntityManager entities, TransactionTemplate transactions,
            Themes themes, StorefrontUrls storefronts, EmailChannel email, Clock clock, BookingReminders reminders,
            CustomerPreferences preferences, SmsChannel sms) {
        this.sms = sms;
        this.reminders = reminders;
        this.preferences = preferences;
        this.tenants = tenants;
        this.entities = entities;
        this.transactions = transactions;
        this.themes = themes;
        this.storefronts = storefronts;
        this.email = email;
        this.clock = clock;
        this.templates = new Configuration(Configuration.VERSION_2_3_34);
        templates.setClassForTemplateLoading(BookingNotifications.class, "/notifications");
        templates.setDefaultEncoding("UTF-8");
        templates.setAPIBuiltinEnabled(false);
        templates.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        templates.setLogTemplateExceptions(false);
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void handle(RelayedEvent event) throws Exception {
        Optional<NotificationKind> kind = NotificationKind.forEvent(event.type());
        if (kind.isEmpty() || !event.aggregateType().equals("booking")) {
            return;
        }
        Optional<Tenant> tenant = tenants.byId(new SchemaName(event.tenantSchema()).tenant());
        if (tenant.isEmpty()) {
            log.info("no tenant for schema {} any more; event {} told no one", event.tenantSchema(), event.key());
            return;
        }
        TenantContext.asTenant(tenant.get(), () -> {
            Optional<Visit> visit = transactions.execute(status -> visit(event.aggregateId()));
            visit.ifPresent(found -> {
                reminders.plan(event.tenantSchema(), found.bookingId(), found.start(), found.confirmed());
                tell(tenant.get(), kind.get(), event.key(), found);
            });
            return null;
        });
    }

    /**
     * Sends {@code reminder} if its booking still stands at the time it was planned for (a moved booking's reminder
     * at its old time, or a cancelled one's, sends nothing); in the customer's quiet hours it is held until they end.
     */
    void remind(Reminder reminder) {
        Optional<Tenant> tenant = tenants.byId(new SchemaName(reminder.tenantSchema()).tenant());
        if (tenant.isEmpty()) {
            return;
        }
        TenantContext.asTenant(tenant.get(), () -> {
            Optional<Visit> visit = transactions.execute(status -> visit(UUID.fromString(reminder.bookingId())));
            visit.filter(found -> found.confirmed() && found.start().equals(reminder.start()))
                    .flatMap(found -> tell(tenant.get(), NotificationKind.BOOKING_REMINDER, "reminder:"
                            + reminder.bookingId() + ":" + reminder.lead() + ":" + reminder.start().getEpochSecond(),
                            found))
                    .ifPresent(until -> reminders.hold(reminder, until));
            return null;
        });
    }

    /** The booking as the message shows it, read now (a later change has its own event). */
    private record Visit(UUID bookingId, Instant start, Instant end, BigDecimal price, String currency,
            UUID customerId, String name, String email, String phone, String salon, String address,
            String salonPhone, ZoneId zone, String services, int changes, String status) {

        boolean confirmed() {
            return status.equals("CONFIRMED");
        }
    }

    /**
     * Tells the visit's customer by each channel there is (email; SMS when a provider is set up), as their
     * preferences decide: answers the instant to try again at when it must wait for the end of their quiet hours. A
     * channel that fails does not stop the others; the failure is thrown after them, so the event is tried again
     * (what went already is not sent twice).
     */
    private Optional<Instant> tell(Tenant tenant, NotificationKind kind, String eventKey, Visit visit) {
        Preferences chosen = preferences.of(visit.customerId());
        Locale locale = tenant.locale();
        ResourceBundle words = ResourceBundle.getBundle("notifications.messages", locale);
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .withZone(visit.zone()).format(visit.start());
        String subject = MessageFormat.format(words.getString("subject." + kind.name()), visit.salon(), when);
        URI link = URI.create(storefronts.canonicalOf(tenant) + "/my/bookings/" + visit.bookingId());
        Theme theme = themes.current();
        List<RuntimeException> failures = new ArrayList<>();
        Optional<Instant> held = Optional.empty();
        try {
            held = by(Channel.EMAIL, visit.email(), "no email address", subject, kind, eventKey, visit, locale,
                    chosen, id -> email.send(email(id, theme, kind, visit, locale, words, when, subject, link)));
        } catch (RuntimeException failure) {
            failures.add(failure);
        }
        if (sms.available()) {
            String shortWhen = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(visit.zone()).format(visit.start());
            String text = MessageFormat.format(words.getString("sms." + kind.name()), theme.brandName(),
                    visit.salon(), shortWhen, link.toString());
            Optional<String> phone = SmsChannel.e164(visit.phone());
            try {
                Optional<Instant> textHeld = by(Channel.SMS, phone.orElse(null), visit.phone() == null
                        ? "no phone number"
                        : "no valid phone number", text, kind, eventKey, visit, locale, chosen, id -> {
                            SmsGateway gateway = sms.gatewayFor(phone.orElseThrow()).orElseThrow(
                                    () -> new SmsGateway.SmsNotSentException("no SMS provider reaches " + phone
                                            .orElseThrow(), null));
                            String reference = gateway.send(new TextMessage(id.value().toString(), phone
                                    .orElseThrow(), theme.brandName(), kind, text,
                                    Map.of("salon", visit.salon(),
                                            "time", shortWhen)));
                            log.debug("text {} went by {} as {}", id.value(), gateway.name(), reference);
                        });
                held = held.isPresent() ? held : textHeld;
            } catch (RuntimeException failure) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException(failures.getFirst().getMessage(),
                    failures.getFirst());
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
        return held;
    }

    /** Sends one notification by one channel, given its id. */
    @FunctionalInterface
    private interface Send {
        void to(NotificationId id) throws Exception;
    }

    /**
     * One notification by {@code channel} to {@code recipient} (none: skipped for {@code missing}), logged once under
     * the id its event and channel make, as the customer's choices decide.
     */
    private Optional<Instant> by(Channel channel, String recipient, String missing, String subject,
            NotificationKind kind, String eventKey, Visit visit, Locale locale, Preferences chosen, Send send) {
        NotificationId id = NotificationId.of(eventKey, channel);
        DeliveryStatus status = transactions.execute(tx -> record(id, channel, eventKey, kind, visit, recipient,
                locale, subject));
        if (status.isFinal()) {
            return Optional.empty();
        }
        if (recipient == null || recipient.isBlank()) {
            transactions.executeWithoutResult(tx -> finish(id, DeliveryStatus.SKIPPED, missing));
            return Optional.empty();
        }
        switch (chosen.decide(kind, channel, clock.instant(), visit.start())) {
            case Delivery.Skip(String reason) -> {
                transactions.executeWithoutResult(tx -> finish(id, DeliveryStatus.SKIPPED, reason));
                return Optional.empty();
            }
            case Delivery.Later(Instant until) -> {
                transactions.executeWithoutResult(tx -> held(id, until));
                return Optional.of(until);
            }
            case Delivery.Now() -> {
                // sent below
            }
        }
        try {
            send.to(id);
        } catch (Exception failure) {
            transactions.executeWithoutResult(tx -> failed(id, failure));
            throw new IllegalStateException(channel.name().toLowerCase(Locale.ROOT) + " " + id.value()
                    + " not sent: " + failure.getMessage(), failure);
        }
        transactions.executeWithoutResult(tx -> finish(id, DeliveryStatus.SENT, null));
        return Optional.empty();
    }

    private EmailChannel.Email email(NotificationId id, Theme theme, NotificationKind kind, Visit visit,
            Locale locale, ResourceBundle words, String when, String subject, URI link) {
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, String> t = new LinkedHashMap<>();
        words.keySet().forEach(key -> t.put(key, words.getString(key)));
        model.put("t", t);
        model.put("lang", locale.toLanguageTag());
        model.put("subject", subject);
        model.put("brand", Map.of("name", theme.brandName(), "primary", theme.primaryColour(), "onPrimary",
                theme.textOnPrimary(), "accent", theme.accentColour(), "onAccent", theme.textOnAccent()));
        model.put("greeting", MessageFormat.format(words.getString("greeting"), visit.name()));
        model.put("lead", words.getString("lead." + kind.name()));
        model.put("when", when);
        model.put("salon", visit.salon());
        model.put("address", visit.address());
        model.put("services", visit.services());
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(Currency.getInstance(visit.currency()));
        model.put("price", money.format(visit.price()));
        model.put("link", link.toString());
        model.put("phone", visit.salonPhone() == null ? "" : visit.salonPhone());
        model.put("questions", MessageFormat.format(words.getString("questions"), visit.salonPhone()));
        model.put("calendarNote", !kind.carriesCalendar()
                ? ""
                : words.getString(kind.cancels() ? "calendarCancelled" : "calendar"));
        String calendar = kind.carriesCalendar()
                ? BookingCalendarEntry.of(visit.bookingId(), theme.brandName() + " · " + visit.services(),
                        visit.salon() + ", " + visit.address(), subject, link, visit.start(), visit.end(),
                        visit.changes(), kind.cancels())
                : null;
        return new EmailChannel.Email(id.value().toString(), visit.email(), theme.brandName(), subject,
                render("booking.ftl", model), render("booking.ftlh", model), calendar,
                kind.cancels() ? "CANCEL" : "REQUEST");
    }

    private String render(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            templates.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("notification template " + template + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<Visit> visit(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.starts_at, b.ends_at, b.price_amount, b.price_currency, c.id,
                       coalesce(c.name, b.guest_name), c.email, c.phone, l.name,
                       l.address_line1 || ', ' || l.address_city, l.phone, l.timezone,
                       (select string_agg(s.name, ', ' order by i.position)
                          from booking_item i join service s on s.id = i.service_id where i.booking_id = b.id),
                       (select count(*) from outbox_event o where o.aggregate_id = b.id), b.status
                  from booking b join location l on l.id = b.location_id
                  left join customer c on c.id = b.customer_id
                 where b.id = :id""").setParameter("id", bookingId).getResultList();
        return rows.stream().findFirst().map(row -> new Visit((UUID) row[0], instant(row[1]), instant(row[2]),
                (BigDecimal) row[3], ((String) row[4]).strip(), (UUID) row[5], (String) row[6], (String) row[7],
                (String) row[8], (String) row[9], (String) row[10], (String) row[11], ZoneId.of((String) row[12]),
                (String) row[13], ((Number) row[14]).intValue(), (String) row[15]));
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    /** Logs the notification (once: its id is the event's) and answers where it stands. */
    private DeliveryStatus record(NotificationId id, Channel channel, String eventKey, NotificationKind kind,
            Visit visit, String recipient, Locale locale, String subject) {
        entities.createNativeQuery("""
                insert into notification (id, event_key, kind, channel, booking_id, customer_id, recipient, locale,
                       subject, status, created_at)
                values (:id, :key, :kind, :channel, :booking, :customer, :recipient, :locale, :subject, 'PENDING',
                        :now)
                on conflict (id) do nothing""").setParameter("id", id.value()).setParameter("key", eventKey)
                .setParameter("kind", kind.name()).setParameter("channel", channel.name())
                .setParameter("booking", visit.bookingId())
                .setParameter("customer", visit.customerId()).setParameter("recipient", recipient)
                .setParameter("locale", locale.toLanguageTag())
                .setParameter("subject", subject.length() > 300 ? subject.substring(0, 299) + "…" : subject)
                .setParameter("now", Timestamp.from(clock.instant())).executeUpdate();
        String status = (String) entities.createNativeQuery("select status from notification where id = :id")
                .setParameter("id", id.value()).getSingleResult();
        return DeliveryStatus.valueOf(status);
    }

    private void finish(NotificationId id, DeliveryStatus status, String reason) {
        entities.createNativeQuery("""
                update notification set status = :status, error = :reason, attempts = attempts + 1,
                       sent_at = case when :status = 'SENT' then cast(:now as timestamptz) end
                 where id = :id and status = 'PENDING'""").setParameter("status", status.name())
                .setParameter("reason", reason).setParameter("now", Timestamp.from(clock.instant()))
                .setParameter("id", id.value()).executeUpdate();
    }

    private void held(NotificationId id, Instant until) {
        entities.createNativeQuery("update notification set error = :why where id = :id and status = 'PENDING'")
                .setParameter("why", "held through the customer's quiet hours until " + until)
                .setParameter("id", id.value()).executeUpdate();
    }

    private void failed(NotificationId id, Exception failure) {
        entities.createNativeQuery("""
                update notification set attempts = attempts + 1, error = :error where id = :id""")
                .setParameter("error", String.valueOf(failure.getMessage())).setParameter("id", id.value())
                .executeUpdate();
    }
}
