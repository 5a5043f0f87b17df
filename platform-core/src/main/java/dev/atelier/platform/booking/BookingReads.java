package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.booking.model.BookingSource;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Bookings as the APIs show them: to customers, and in the salon's diary. */
@Component
class BookingReads {

    private final EntityManager entities;

    BookingReads(EntityManager entities) {
        this.entities = entities;
    }

    /** One booking ({@code bookingId}), a customer's ({@code customerId}, newest first), or both filters at once. */
    List<BookingView> views(UUID customerId, UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.status, b.location_id, b.starts_at, b.ends_at, b.price_amount, b.price_currency, b.note,
                       i.service_id, i.staff_id, i.starts_at, i.ends_at, i.price_amount, b.cancellation_fee_amount,
                       b.hold_expires_at, b.deposit_minor, coalesce(m.paid, 0), coalesce(m.refunded, 0)
                  from booking b join booking_item i on i.booking_id = b.id
                  left join lateral (
                       select sum(p.amount_minor) filter (where e.kind = 'CHARGE') as paid,
                              sum(p.amount_minor) filter (where e.kind = 'REFUND') as refunded
                         from journal_entry e join journal_posting p on p.entry_id = e.id and p.side = 'D'
                        where e.booking_id = b.id) m on true
                 where (cast(:customer as uuid) is null or b.customer_id = :customer)
                   and (cast(:booking as uuid) is null or b.id = :booking)
                 order by b.starts_at desc, b.id, i.position""").setParameter("customer", customerId)
                .setParameter("booking", bookingId).getResultList();
        Map<UUID, Object[]> bookings = new LinkedHashMap<>();
        Map<UUID, List<BookingView.ItemView>> items = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            bookings.putIfAbsent(id, row);
            items.computeIfAbsent(id, key -> new ArrayList<>()).add(new BookingView.ItemView(row[8].toString(),
                    row[9].toString(), instant(row[10]), instant(row[11]), (BigDecimal) row[12]));
        }
        List<BookingView> views = new ArrayList<>();
        bookings.forEach((id, row) -> {
            Currency currency = Currency.getInstance(((String) row[6]).strip());
            views.add(new BookingView(id.toString(), BookingStatus.valueOf((String) row[1]).name(), row[2].toString(),
                    instant(row[3]), instant(row[4]), List.copyOf(items.get(id)),
                    new BookingView.PriceView((BigDecimal) row[5], currency.getCurrencyCode()), (String) row[7],
                    (BigDecimal) row[13], row[14] == null ? null : instant(row[14]),
                    BookingView.PaymentView.of(minor(row[15], currency), minor(row[16], currency),
                            minor(row[17], currency))));
        });
        return views;
    }

    private static Money minor(Object units, Currency currency) {
        return new Money(((Number) units).longValue(), currency);
    }

    /**
     * One booking.
     *
     * @throws NotFoundException if there is none of that id
     */
    BookingView view(UUID bookingId) {
        return views(null, bookingId).stream().findFirst().orElseThrow(() -> new NotFoundException("booking"));
    }

    /** The diary's bookings on the local dates {@code from}–{@code to}, or the one booking {@code bookingId}. */
    List<StaffBookings.DiaryEntry> diary(LocalDate from, LocalDate to, UUID locationId, UUID staffId, UUID bookingId) {
        // a day's bookings in any zone lie within a day and a half either side of the UTC dates
        Instant widestStart = from == null ? Instant.EPOCH : from.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant widestEnd = to == null
                ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.status, b.source, b.location_id, b.starts_at, b.ends_at, b.price_amount,
                       b.price_currency, b.note, c.id, coalesce(c.name, b.guest_name), c.email, c.phone,
                       i.service_id, i.staff_id, i.starts_at, i.ends_at, i.price_amount, l.timezone
                  from booking b join booking_item i on i.booking_id = b.id join location l on l.id = b.location_id
                  left join customer c on c.id = b.customer_id
                 where b.starts_at >= :from and b.starts_at < :to
                   and (cast(:booking as uuid) is null or b.id = :booking)
                   and (cast(:location as uuid) is null or b.location_id = :location)
                   and (cast(:staff as uuid) is null
                        or exists (select 1 from booking_item s where s.booking_id = b.id and s.staff_id = :staff))
                 order by b.starts_at, b.id, i.position""")
                .setParameter("from", Timestamp.from(widestStart)).setParameter("to", Timestamp.from(widestEnd))
                .setParameter("location", locationId).setParameter("staff", staffId)
                .setParameter("booking", bookingId).getResultList();
        Map<String, StaffBookings.DiaryEntry> entries = new LinkedHashMap<>();
        Map<String, List<BookingView.ItemView>> items = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Instant start = instant(row[4]);
            LocalDate localDate = LocalDate.ofInstant(start, ZoneId.of((String) row[18]));
            if (from != null && (localDate.isBefore(from) || localDate.isAfter(to))) {
                continue;
            }
            String id = row[0].toString();
            entries.computeIfAbsent(id, key -> new StaffBookings.DiaryEntry(id, BookingStatus.valueOf((String) row[1]),
                    BookingSource.valueOf((String) row[2]), row[3].toString(),
                    start, instant(row[5]),
                    new StaffBookings.DiaryEntry.Client(row[9] == null ? null : row[9].toString(),
                            (String) row[10], (String) row[11], (String) row[12]),
                    List.of(), new BookingView.PriceView((BigDecimal) row[6], ((String) row[7]).strip()),
                    (String) row[8], List.of()));
            items.computeIfAbsent(id, key -> new ArrayList<>()).add(new BookingView.ItemView(row[13].toString(),
                    row[14].toString(), instant(row[15]), instant(row[16]), (BigDecimal) row[17]));
        }
        Map<String, List<StaffBookings.DiaryEntry.ResourceTime>> resources = resourceTimes(entries.keySet());
        return entries.values().stream()
                .map(e -> new StaffBookings.DiaryEntry(e.id(), e.status(), e.source(), e.locationId(),
                        e.start(), e.end(), e.customer(), List.copyOf(items.get(e.id())), e.price(), e.note(),
                        resources.getOrDefault(e.id(), List.of())))
                .toList();
    }

    /** The resources the bookings {@code ids} hold (none once cancelled or lapsed), by booking, in item order. */
    private Map<String, List<StaffBookings.DiaryEntry.ResourceTime>> resourceTimes(Set<String> ids) {
        Map<String, List<StaffBookings.DiaryEntry.ResourceTime>> held = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return held;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select t.booking_id, i.position, t.resource_id, t.starts_at, t.ends_at
                  from resource_busy t join booking_item i on i.id = t.booking_item_id
                 where t.active and t.booking_id = any(cast(:ids as uuid[]))
                 order by t.booking_id, i.position, t.starts_at""")
                .setParameter("ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new)).getResultList();
        for (Object[] row : rows) {
            held.computeIfAbsent(row[0].toString(), key -> new ArrayList<>()).add(
                    new StaffBookings.DiaryEntry.ResourceTime(row[2].toString(), ((Number) row[1]).intValue(),
                            instant(row[3]), instant(row[4])));
        }
        return held;
    }
}
