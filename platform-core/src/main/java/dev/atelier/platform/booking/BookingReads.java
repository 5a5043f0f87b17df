package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Bookings as the customer APIs show them. */
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
                       b.hold_expires_at
                  from booking b join booking_item i on i.booking_id = b.id
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
        bookings.forEach((id, row) -> views.add(new BookingView(id.toString(),
                BookingStatus.valueOf((String) row[1]).name(), row[2].toString(), instant(row[3]), instant(row[4]),
                List.copyOf(items.get(id)), new BookingView.PriceView((BigDecimal) row[5], ((String) row[6]).strip()),
                (String) row[7], (BigDecimal) row[13], row[14] == null ? null : instant(row[14]))));
        return views;
    }

    /**
     * One booking.
     *
     * @throws NotFoundException if there is none of that id
     */
    BookingView view(UUID bookingId) {
        return views(null, bookingId).stream().findFirst().orElseThrow(() -> new NotFoundException("booking"));
    }
}
