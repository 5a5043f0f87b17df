package dev.atelier.platform.payments.reports;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.ledger.EntryKind;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.persistence.SqlValues;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the current chain's payments and its journal for reports, in SQL over its schema: the payments list, and
 * the journal summed per location, local business day (in the location's own zone), currency, method and kind of
 * entry. Days and dates are always the location's: a payment at 00:30 in Shanghai is on that Shanghai day.
 */
@Component
public class PaymentReports {

    /** The kinds of entry that move money to, from or within the chain's takings (earnings move none). */
    private static final String SETTLED_KINDS = "('CHARGE', 'PAID_AT_SALON', 'REFUND', 'FORFEIT', 'COMMISSION')";

    private final EntityManager entities;

    PaymentReports(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * One page of the payments {@code query} names, newest first.
     *
     * @throws NotFoundException when it names a location the chain does not have
     */
    @Transactional(readOnly = true)
    public PaymentPage payments(PaymentListQuery query) {
        query.locationId().ifPresent(this::requireLocation);
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        query.from().ifPresent(from -> {
            where.append(" and p.created_at >= :earliest and p.created_at >= cast(:from as timestamp) at time zone"
                    + " l.timezone");
            values.put("earliest", Timestamp.from(new ReportPeriod(from, from).earliestStart()));
            values.put("from", from.atStartOfDay());
        });
        query.to().ifPresent(to -> {
            where.append(" and p.created_at < :latest and p.created_at < cast(:after as timestamp) at time zone"
                    + " l.timezone");
            values.put("latest", Timestamp.from(new ReportPeriod(to, to).latestEnd()));
            values.put("after", to.plusDays(1).atStartOfDay());
        });
        query.locationId().ifPresent(id -> {
            where.append(" and b.location_id = :location");
            values.put("location", id);
        });
        query.method().ifPresent(method -> {
            where.append(" and p.method = :method");
            values.put("method", method.id());
        });
        query.status().ifPresent(status -> {
            where.append(" and p.status = :status");
            values.put("status", status.name());
        });
        String from = " from payment p join booking b on b.id = p.booking_id join location l on l.id = b.location_id";
        long total = ((Number) bound(entities.createNativeQuery("select count(*)" + from + where), values)
                .getSingleResult()).longValue();
        Query page = bound(entities.createNativeQuery("""
                select p.id, p.booking_id, l.id, l.name, p.method, p.tender, p.status, p.amount_minor, p.currency,
                       p.provider_reference, p.created_at,
                       (select coalesce(sum(d.amount_minor), 0) from journal_entry r
                          join journal_posting d on d.entry_id = r.id and d.side = 'D'
                         where r.payment_id = p.id and r.kind = 'REFUND') as refunded,
                       (select min(c.at) from journal_entry c
                         where c.payment_id = p.id and c.kind in ('CHARGE', 'PAID_AT_SALON')) as paid_at"""
                + from + where + " order by p.created_at desc, p.id desc limit :size offset :offset"), values)
                .setParameter("size", query.size()).setParameter("offset", query.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        List<PaymentRow> payments = new ArrayList<>();
        for (Object[] row : rows) {
            Currency currency = Currency.getInstance(((String) row[8]).strip());
            payments.add(new PaymentRow((UUID) row[0], (UUID) row[1], (UUID) row[2], (String) row[3],
                    PaymentMethod.byId((String) row[4]).orElseThrow(), Optional.ofNullable((String) row[5]),
                    PaymentStatus.valueOf((String) row[6]), new Money(((Number) row[7]).longValue(), currency),
                    new Money(((Number) row[11]).longValue(), currency), instant(row[10]),
                    Optional.ofNullable(row[12]).map(SqlValues::instant), Optional.ofNullable((String) row[9])));
        }
        return new PaymentPage(query.page(), query.size(), total, payments);
    }

    /**
     * Streams the journal's sums for {@code period} (at {@code locationId}, or every location) to {@code lines}, in
     * order of location name, location, day, currency, method and kind: lines of one location, day and currency come
     * together, read from a cursor (in this method's transaction) as they are handed on.
     *
     * @throws NotFoundException when it names a location the chain does not have
     */
    @Transactional(readOnly = true)
    public void settlement(ReportPeriod period, Optional<UUID> locationId, Consumer<SettlementLine> lines) {
        locationId.ifPresent(this::requireLocation);
        Query query = entities.createNativeQuery("""
                select l.id, l.name, l.timezone, cast(e.at at time zone l.timezone as date) as day, e.currency,
                       coalesce(p.method, 'unrecorded') as method, e.kind, sum(d.amount_minor) as amount,
                       count(distinct e.payment_id) as payments
                  from journal_entry e
                  join booking b on b.id = e.booking_id
                  join location l on l.id = b.location_id
                  join journal_posting d on d.entry_id = e.id and d.side = 'D'
                  left join payment p on p.id = e.payment_id
                 where e.at >= :earliest and e.at < :latest
                   and e.at >= cast(:from as timestamp) at time zone l.timezone
                   and e.at < cast(:after as timestamp) at time zone l.timezone
                   and e.kind in """ + SETTLED_KINDS
                + (locationId.isPresent() ? " and b.location_id = :location" : "") + """

                        group by l.id, l.name, l.timezone, day, e.currency, method, e.kind
                        order by l.name, l.id, day, e.currency, method, e.kind""")
                .setParameter("earliest", Timestamp.from(period.earliestStart()))
                .setParameter("latest", Timestamp.from(period.latestEnd()))
                .setParameter("from", period.from().atStartOfDay())
                .setParameter("after", period.to().plusDays(1).atStartOfDay())
                .setHint("org.hibernate.fetchSize", 500);
        locationId.ifPresent(id -> query.setParameter("location", id));
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = query.getResultStream();
        try (rows) {
            rows.forEach(row -> lines.accept(new SettlementLine((UUID) row[0], (String) row[1], (String) row[2],
                    SqlValues.localDate(row[3]), Currency.getInstance(((String) row[4]).strip()), (String) row[5],
                    EntryKind.valueOf((String) row[6]), ((Number) row[7]).longValue(),
                    ((Number) row[8]).longValue())));
        }
    }

    private void requireLocation(UUID id) {
        if (entities.createNativeQuery("select 1 from location where id = :id").setParameter("id", id)
                .getResultList().isEmpty()) {
            throw new NotFoundException("location");
        }
    }

    private static Query bound(Query query, Map<String, Object> values) {
        values.forEach(query::setParameter);
        return query;
    }
}
