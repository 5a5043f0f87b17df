package dev.atelier.platform.payments;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.ledger.Account;
import dev.atelier.platform.payments.ledger.BookingMoney;
import dev.atelier.platform.payments.ledger.EntryKind;
import dev.atelier.platform.payments.ledger.JournalEntry;
import dev.atelier.platform.payments.ledger.Posting;
import dev.atelier.platform.persistence.SqlValues;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current chain's money journal in its schema: entries are appended, never changed (the schema refuses updates
 * and deletes, and checks that every entry balances). A booking's money is read back as {@link BookingMoney}; to
 * move money, lock the booking first ({@link #lockedMoneyOf}) so concurrent refunds see each other.
 */
@Component
public class Journal {

    private final EntityManager entities;

    Journal(EntityManager entities) {
        this.entities = entities;
    }

    /** Appends {@code entry} (in the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(JournalEntry entry) {
        Money first = entry.postings().getFirst().amount();
        entities.createNativeQuery("""
                insert into journal_entry (id, kind, booking_id, payment_id, currency, at)
                values (:id, :kind, :booking, :payment, :currency, :at)""")
                .setParameter("id", entry.id()).setParameter("kind", entry.kind().name())
                .setParameter("booking", entry.bookingId()).setParameter("payment", entry.paymentId())
                .setParameter("currency", first.currency().getCurrencyCode())
                .setParameter("at", Timestamp.from(entry.at())).executeUpdate();
        short line = 0;
        for (Posting posting : entry.postings()) {
            entities.createNativeQuery("""
                    insert into journal_posting (entry_id, line, account, side, amount_minor)
                    values (:entry, :line, :account, :side, :amount)""")
                    .setParameter("entry", entry.id()).setParameter("line", line++)
                    .setParameter("account", posting.account().name())
                    .setParameter("side", posting.side() == Posting.Side.DEBIT ? "D" : "C")
                    .setParameter("amount", posting.amount().minorUnits()).executeUpdate();
        }
    }

    /** The booking's money, after locking the booking's row until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public BookingMoney lockedMoneyOf(UUID bookingId, Currency currency) {
        entities.createNativeQuery("select id from booking where id = :id for update").setParameter("id", bookingId)
                .getResultList();
        return moneyOf(bookingId, currency);
    }

    @Transactional(readOnly = true)
    public BookingMoney moneyOf(UUID bookingId, Currency currency) {
        List<?> rows = entities.createNativeQuery("""
                select e.id, e.kind, e.payment_id, e.currency, e.at, p.account, p.side, p.amount_minor
                from journal_entry e join journal_posting p on p.entry_id = e.id
                where e.booking_id = :booking order by e.recorded_at, e.id, p.line""")
                .setParameter("booking", bookingId).getResultList();
        Map<UUID, List<Object[]>> byEntry = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byEntry.computeIfAbsent((UUID) columns[0], id -> new ArrayList<>()).add(columns);
        }
        List<JournalEntry> entries = new ArrayList<>();
        byEntry.forEach((id, lines) -> {
            Object[] head = lines.getFirst();
            Currency entryCurrency = Currency.getInstance(((String) head[3]).strip());
            List<Posting> postings = lines.stream().map(line -> new Posting(Account.valueOf((String) line[5]),
                    "D".equals(String.valueOf(line[6]).strip()) ? Posting.Side.DEBIT : Posting.Side.CREDIT,
                    new Money(((Number) line[7]).longValue(), entryCurrency))).toList();
            entries.add(new JournalEntry(id, EntryKind.valueOf((String) head[1]), bookingId, (UUID) head[2],
                    postings, SqlValues.instant(head[4])));
        });
        return new BookingMoney(bookingId, currency, entries);
    }
}
