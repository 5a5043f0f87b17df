package dev.atelier.platform.reports;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.reports.ReportPeriod;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain's business reports, computed in SQL over the tenant's schema: a booking belongs to the local day of its
 * start at its own location (so a period is a different span of instants in London and in Shanghai), money to the
 * local day it was paid or refunded. Rows are streamed from a cursor as they are read, so the largest export
 * ({@link BusinessReport#VISITS}) is written in constant memory. Booked time and visits leave out holds that were
 * never confirmed and bookings that expired; rates are fractions of 1 to three places, empty where nothing counts.
 */
@Service
public class BusinessReports {

    /** Rows read from the database at a time. */
    static final int FETCH = 1_000;

    /** Bookings of the period (widened to every zone by the index-friendly bounds), with their local day. */
    private static final String VISITS = """
            with v as (
                select b.id, b.customer_id, b.guest_name, b.location_id, b.status, b.source, b.starts_at,
                       b.price_amount, b.price_currency as currency, l.name as location, l.timezone,
                       cast(b.starts_at at time zone l.timezone as date) as day
                  from booking b join location l on l.id = b.location_id
                 where b.starts_at >= :earliest and b.starts_at < :latest
                   and (cast(:location as uuid) is null or b.location_id = :location)
                   and b.status not in ('HELD', 'PENDING_PAYMENT', 'EXPIRED')
            ), vp as (select * from v where day between :from and :to)
            """;

    private static final Map<BusinessReport, String> SQL = new EnumMap<>(BusinessReport.class);

    static {
        SQL.put(BusinessReport.REVENUE,
                VISITS + """
                        , booked as (
                            select day, location_id, location, currency,
                                   coalesce(sum(price_amount) filter (where status <> 'CANCELLED'), 0) as booked
                              from vp group by day, location_id, location, currency
                        ), money as (
                            select cast(e.at at time zone l.timezone as date) as day, b.location_id, l.name as location,
                                   e.currency,
                                   coalesce(sum(p.amount_minor) filter (where e.kind in ('CHARGE', 'PAID_AT_SALON')), 0) as paid,
                                   coalesce(sum(p.amount_minor) filter (where e.kind = 'REFUND'), 0) as refunded
                              from journal_entry e join journal_posting p on p.entry_id = e.id and p.side = 'D'
                              join booking b on b.id = e.booking_id join location l on l.id = b.location_id
                             where e.at >= :earliest and e.at < :latest and e.kind in ('CHARGE', 'PAID_AT_SALON', 'REFUND')
                               and (cast(:location as uuid) is null or b.location_id = :location)
                             group by 1, 2, 3, 4
                        )
                        select coalesce(k.day, m.day), coalesce(k.location, m.location), coalesce(k.currency, m.currency),
                               coalesce(k.booked, 0), coalesce(m.paid, 0), coalesce(m.refunded, 0)
                          from booked k full join money m
                            on m.day = k.day and m.location_id = k.location_id and m.currency = k.currency
                         where coalesce(k.day, m.day) between :from and :to
                         order by 1, 2, 3""");
        SQL.put(BusinessReport.UTILISATION, """
                with days as (
                    select cast(d as date) as day
                      from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                ), loc as (
                    select id, name, timezone from location
                     where cast(:location as uuid) is null or id = :location
                ), spans as (
                    select s.staff_id, s.location_id, days.day, s.kind, s.start_minute, s.end_minute
                      from staff_shift s join days on extract(isodow from days.day) = s.day
                     where (s.valid_from is null or s.valid_from <= days.day)
                       and (s.valid_until is null or days.day <= s.valid_until)
                    union all
                    select e.staff_id, e.location_id, e.day, 'SHIFT', e.start_minute, e.end_minute
                      from staff_extra_shift e where e.day between :from and :to
                ), timed as (
                    select sp.staff_id, sp.location_id, sp.kind,
                           tstzrange((sp.day + make_interval(mins => sp.start_minute)) at time zone l.timezone,
                                     (sp.day + make_interval(mins => sp.end_minute)) at time zone l.timezone) as during
                      from spans sp join loc l on l.id = sp.location_id
                ), working as (
                    select t.staff_id, t.location_id,
                           sum((case when t.kind = 'SHIFT' then 1 else -1 end)
                               * (extract(epoch from upper(t.during) - lower(t.during))
                                  - coalesce((select sum(extract(epoch from upper(t.during * o.during)
                                                                  - lower(t.during * o.during)))
                                                from staff_time_off o
                                               where o.staff_id = t.staff_id and o.during && t.during), 0))) / 60
                               as minutes
                      from timed t group by 1, 2
                ), booked as (
                    select i.staff_id, b.location_id, sum(extract(epoch from i.ends_at - i.starts_at)) / 60 as minutes
                      from booking b join booking_item i on i.booking_id = b.id join loc l on l.id = b.location_id
                     where b.starts_at >= :earliest and b.starts_at < :latest
                       and cast(i.starts_at at time zone l.timezone as date) between :from and :to
                       and b.status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
                     group by 1, 2
                )
                select l.name, m.name, round(coalesce(k.minutes, 0)), round(coalesce(w.minutes, 0)),
                       case when coalesce(w.minutes, 0) > 0 then round(coalesce(k.minutes, 0) / w.minutes, 3) end
                  from working w full join booked k on k.staff_id = w.staff_id and k.location_id = w.location_id
                  join loc l on l.id = coalesce(w.location_id, k.location_id)
                  join staff_membership m on m.id = coalesce(w.staff_id, k.staff_id)
                 order by 1, 2""");
        SQL.put(BusinessReport.ATTENDANCE, VISITS + """
                , ended as (
                    select vp.location, vp.status,
                           vp.status = 'CANCELLED' and exists (
                               select 1 from outbox_event o
                                where o.aggregate_id = vp.id and o.type = 'booking.cancelled'
                                  and o.occurred_at > vp.starts_at
                                      - make_interval(hours => (select free_cancellation_hours from booking_policy)))
                               as late
                      from vp where vp.status in ('COMPLETED', 'NO_SHOW', 'CANCELLED')
                )
                select location, count(*), count(*) filter (where status = 'COMPLETED'),
                       count(*) filter (where status = 'NO_SHOW'),
                       round(count(*) filter (where status = 'NO_SHOW') / cast(count(*) as numeric), 3),
                       count(*) filter (where status = 'CANCELLED'), count(*) filter (where late),
                       round(count(*) filter (where late) / cast(count(*) as numeric), 3)
                  from ended group by location order by location""");
        SQL.put(BusinessReport.REBOOKING, VISITS + """
                , done as (
                    select vp.location, exists (
                               select 1 from booking n
                                where n.customer_id = vp.customer_id and n.starts_at > vp.starts_at
                                  and n.starts_at <= vp.starts_at + interval '60 days'
                                  and n.status not in ('CANCELLED', 'EXPIRED', 'HELD', 'PENDING_PAYMENT')) as again
                      from vp where vp.status = 'COMPLETED' and vp.customer_id is not null
                )
                select location, count(*), count(*) filter (where again),
                       round(count(*) filter (where again) / cast(count(*) as numeric), 3)
                  from done group by location order by location""");
        SQL.put(BusinessReport.CUSTOMERS, VISITS + """
                , seen as (
                    select location, customer_id, min(starts_at) as first_here
                      from vp where status = 'COMPLETED' and customer_id is not null group by 1, 2
                ), told as (
                    select s.location, exists (
                               select 1 from booking e
                                where e.customer_id = s.customer_id and e.status = 'COMPLETED'
                                  and e.starts_at < s.first_here) as came_back
                      from seen s
                )
                select location, count(*), count(*) filter (where not came_back), count(*) filter (where came_back)
                  from told group by location order by location""");
        SQL.put(BusinessReport.TOP_SERVICES, VISITS + """
                select s.name, coalesce(c.name, ''), vp.currency, count(*), sum(i.price_amount)
                  from vp join booking_item i on i.booking_id = vp.id join service s on s.id = i.service_id
                  left join service_category c on c.id = s.category_id
                 where vp.status <> 'CANCELLED'
                 group by s.id, s.name, c.name, vp.currency
                 order by 4 desc, 5 desc, 1""");
        SQL.put(BusinessReport.STAFF, VISITS + """
                select m.name, vp.currency, count(*) filter (where vp.status = 'COMPLETED'),
                       coalesce(sum(i.price_amount) filter (where vp.status = 'COMPLETED'), 0),
                       count(*) filter (where vp.status = 'NO_SHOW'),
                       round(avg(i.price_amount) filter (where vp.status = 'COMPLETED'), 2)
                  from vp join booking_item i on i.booking_id = vp.id join staff_membership m on m.id = i.staff_id
                 group by m.id, m.name, vp.currency order by 1, 2""");
        SQL.put(BusinessReport.VISITS, VISITS + """
                select vp.day, to_char(i.starts_at at time zone vp.timezone, 'HH24:MI'), vp.location, m.name, s.name,
                       coalesce(c.name, vp.guest_name), vp.status, vp.source, vp.currency, i.price_amount
                  from vp join booking_item i on i.booking_id = vp.id
                  join staff_membership m on m.id = i.staff_id join service s on s.id = i.service_id
                  left join customer c on c.id = vp.customer_id
                 order by vp.starts_at, vp.id, i.position""");
    }

    private final EntityManager entities;

    BusinessReports(EntityManager entities) {
        this.entities = entities;
    }

    /** The rows of {@code report} for {@code period} at {@code location} (or every location), each in column order. */
    @Transactional(readOnly = true)
    public List<List<Object>> rows(BusinessReport report, ReportPeriod period, Optional<UUID> location) {
        List<List<Object>> rows = new ArrayList<>();
        stream(report, period, location, rows::add);
        return rows;
    }

    /** Passes each row of {@code report} to {@code rows} as it is read (within one read-only transaction). */
    @Transactional(readOnly = true)
    public void stream(BusinessReport report, ReportPeriod period, Optional<UUID> location,
            Consumer<List<Object>> rows) {
        Query query = entities.createNativeQuery(SQL.get(report))
                .setParameter("from", Date.valueOf(period.from())).setParameter("to", Date.valueOf(period.to()))
                .setParameter("earliest", Timestamp.from(period.earliestStart()))
                .setParameter("latest", Timestamp.from(period.latestEnd()))
                .setParameter("location", location.orElse(null))
                .setHint("org.hibernate.fetchSize", FETCH);
        @SuppressWarnings("unchecked")
        Stream<Object[]> read = query.getResultStream();
        try (read) {
            read.forEach(row -> rows.accept(values(report, row)));
        }
    }

    /** A row's values as the API shows them: dates as dates, text trimmed, money in major units. */
    private static List<Object> values(BusinessReport report, Object[] row) {
        List<Object> values = new ArrayList<>(row.length);
        for (Object value : row) {
            values.add(switch (value) {
                case null -> null;
                case Date date -> date.toLocalDate();
                case String text -> text.strip();
                case Character character -> character.toString();
                default -> value;
            });
        }
        if (report == BusinessReport.REVENUE) {
            // the journal keeps minor units
            Currency currency = Currency.getInstance((String) values.get(2));
            values.set(4, new Money(((Number) values.get(4)).longValue(), currency).amount());
            values.set(5, new Money(((Number) values.get(5)).longValue(), currency).amount());
        }
        return values;
    }

    /** {@code value} as a CSV field: quoted when it holds a separator, quote or line break, and never a formula. */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            // a spreadsheet would run it
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
