package dev.atelier.platform.payments.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingMoneyTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final UUID BOOKING = UUID.randomUUID();

    @Test
    void aRefundNeverTakesMoreThanThePaymentHasLeft() {
        UUID payment = UUID.randomUUID();
        BookingMoney money = new BookingMoney(BOOKING, CNY, List.of(
                JournalEntry.charge(UUID.randomUUID(), BOOKING, payment, cny(10_000), NOW)));
        money.refund(UUID.randomUUID(), payment, cny(6_000), NOW);
        assertThatThrownBy(() -> money.refund(UUID.randomUUID(), payment, cny(4_001), NOW))
                .isInstanceOf(RefundTooLargeException.class).hasMessageContaining("40.00 CNY");
        assertThatThrownBy(() -> money.forfeit(UUID.randomUUID(), UUID.randomUUID(), cny(1), NOW))
                .as("another payment's money").isInstanceOf(RefundTooLargeException.class);
        money.forfeit(UUID.randomUUID(), payment, cny(4_000), NOW);
        assertThat(money.held().isZero()).isTrue();
        assertThat(money.captured()).isEqualTo(cny(10_000));
        assertThat(money.refunded()).isEqualTo(cny(6_000));
        assertThat(money.forfeited()).isEqualTo(cny(4_000));
    }

    @Test
    void entriesBalanceInOneCurrencyAndBelongToTheBooking() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), EntryKind.CHARGE, BOOKING, null,
                List.of(Posting.debit(Account.PROVIDER_CLEARING, cny(100)),
                        Posting.credit(Account.CUSTOMER_PREPAYMENTS, cny(99))),
                NOW)).isInstanceOf(UnbalancedEntryException.class);
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), EntryKind.CHARGE, BOOKING, null,
                List.of(Posting.debit(Account.PROVIDER_CLEARING, cny(100)),
                        Posting.credit(Account.CUSTOMER_PREPAYMENTS, new Money(100, Currency.getInstance("JPY")))),
                NOW)).isInstanceOf(UnbalancedEntryException.class);
        BookingMoney money = new BookingMoney(BOOKING, CNY, List.of());
        assertThatThrownBy(() -> money.record(JournalEntry.charge(UUID.randomUUID(), UUID.randomUUID(), null,
                cny(1), NOW))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> money.record(JournalEntry.charge(UUID.randomUUID(), BOOKING, null,
                new Money(1, Currency.getInstance("JPY")), NOW))).isInstanceOf(UnbalancedEntryException.class);
    }

    /** Seeded property: whatever movements are tried, what is held is captured less what went out, never below 0. */
    @Test
    void heldIsAlwaysCapturedLessRefundedKeptAndEarnedAndNeverNegative() {
        long seed = Long.getLong("ledger.seed", 20261202L);
        Random random = new Random(seed);
        for (int run = 0; run < 500; run++) {
            BookingMoney money = new BookingMoney(BOOKING, CNY, List.of());
            List<UUID> payments = new ArrayList<>();
            long earned = 0;
            long commission = 0;
            for (int step = 0; step < 30; step++) {
                UUID payment = payments.isEmpty() || random.nextInt(4) == 0
                        ? UUID.randomUUID()
                        : payments.get(random.nextInt(payments.size()));
                Money amount = cny(1 + random.nextInt(20_000));
                try {
                    switch (random.nextInt(5)) {
                        case 0 -> {
                            money.record(JournalEntry.charge(UUID.randomUUID(), BOOKING, payment, amount, NOW));
                            payments.add(payment);
                        }
                        case 1 -> money.refund(UUID.randomUUID(), payment, amount, NOW);
                        case 2 -> money.forfeit(UUID.randomUUID(), payment, amount, NOW);
                        case 3 -> {
                            money.record(JournalEntry.earned(UUID.randomUUID(), BOOKING, payment, amount, NOW));
                            earned += amount.minorUnits();
                        }
                        default -> {
                            money.record(JournalEntry.commission(UUID.randomUUID(), BOOKING, payment, amount, NOW));
                            commission += amount.minorUnits();
                        }
                    }
                } catch (RefundTooLargeException refused) {
                    assertThat(refused.left().compareTo(amount)).as("seed " + seed).isLessThan(0);
                }
                long held = money.captured().minorUnits() - money.refunded().minorUnits()
                        - money.forfeited().minorUnits() - earned;
                assertThat(money.held().minorUnits()).as("seed " + seed + " run " + run).isEqualTo(held)
                        .isGreaterThanOrEqualTo(0);
                for (UUID each : payments) {
                    assertThat(money.leftOf(each).minorUnits()).isGreaterThanOrEqualTo(0);
                }
                long clearing = money.entries().stream().mapToLong(e -> e.change(Account.PROVIDER_CLEARING)).sum();
                assertThat(clearing).as("the provider holds what was taken less refunds and commission")
                        .isEqualTo(money.captured().minorUnits() - money.refunded().minorUnits() - commission);
            }
        }
    }

    private static Money cny(long fen) {
        return new Money(fen, CNY);
    }
}
