package dev.atelier.platform.payments.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentFactsTest {

    static final Money ORDER = Money.parse("100.00", "CNY");

    @Test
    void aNoticeDeliveredAHundredTimesCountsOnce() {
        PaymentFacts payment = new PaymentFacts(ORDER);
        PaymentFact refund = new PaymentFact.Refunded("evt-r1", "re-1", Money.parse("30", "CNY"));
        assertThat(payment.add(new PaymentFact.Paid("evt-1", ORDER, "pi_1"))).isTrue();
        int added = 0;
        for (int i = 0; i < 100; i++) {
            added += payment.add(refund) ? 1 : 0;
        }
        assertThat(added).isEqualTo(1);
        assertThat(payment.refunded()).isEqualTo(Money.parse("30", "CNY"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void oneRefundNamedByTwoNoticesCountsOnce() {
        PaymentFacts payment = PaymentFacts.of(ORDER, List.of(new PaymentFact.Paid("evt-1", ORDER, "pi_1"),
                new PaymentFact.Refunded("notice-7", "re-1", ORDER),
                new PaymentFact.Refunded("our-call-re-1", "re-1", ORDER)));
        assertThat(payment.refunded()).isEqualTo(ORDER);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aPaymentOfAnotherAmountOrCurrencyIsRefusedAndChangesNothing() {
        PaymentFacts payment = new PaymentFacts(ORDER);
        assertThatThrownBy(() -> payment.add(new PaymentFact.Paid("evt-1", Money.parse("1.00", "CNY"), "pi_1")))
                .isInstanceOf(AmountMismatchException.class);
        assertThatThrownBy(() -> payment.add(new PaymentFact.Paid("evt-2", Money.parse("100", "JPY"), "pi_1")))
                .isInstanceOf(AmountMismatchException.class);
        assertThatThrownBy(() -> payment.add(new PaymentFact.Refunded("evt-3", "re", Money.parse("1", "JPY"))))
                .isInstanceOf(AmountMismatchException.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.captured().isZero()).isTrue();
    }

    @Test
    void aPaymentAfterTheOrderClosedIsStillPaid() {
        PaymentFacts late = PaymentFacts.of(ORDER, List.of(new PaymentFact.Closed("close-1"),
                new PaymentFact.Paid("evt-1", ORDER, "pi_1")));
        assertThat(late.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(late.captured()).isEqualTo(ORDER);
        assertThat(PaymentFacts.of(ORDER, List.of(new PaymentFact.Failed("f", "declined"))).status())
                .isEqualTo(PaymentStatus.FAILED);
        assertThat(PaymentFacts.of(ORDER, List.of(new PaymentFact.Closed("c"))).status())
                .isEqualTo(PaymentStatus.CLOSED);
    }

    @Test
    void aThousandShuffledOrdersOfAPaymentsNoticesEndTheSame() {
        Random random = new Random(20261202);
        for (int round = 0; round < 20; round++) {
            List<PaymentFact> notices = new ArrayList<>();
            notices.add(new PaymentFact.Paid("paid-" + round, ORDER, "pi"));
            long left = ORDER.minorUnits();
            int refunds = random.nextInt(4);
            for (int r = 0; r < refunds && left > 0; r++) {
                long amount = 1 + random.nextLong(left);
                left -= amount;
                Money refund = new Money(amount, ORDER.currency());
                notices.add(new PaymentFact.Refunded("refund-notice-" + r, "re-" + r, refund));
                notices.add(new PaymentFact.Refunded("refund-answer-" + r, "re-" + r, refund));
            }
            if (random.nextBoolean()) {
                notices.add(new PaymentFact.Failed("failed-attempt", "card declined"));
            }
            if (random.nextBoolean()) {
                notices.add(new PaymentFact.Closed("closed"));
            }
            PaymentFacts inOrder = PaymentFacts.of(ORDER, notices);
            for (int order = 0; order < 1_000 / 20; order++) {
                List<PaymentFact> shuffled = new ArrayList<>(notices);
                shuffled.addAll(notices.subList(0, random.nextInt(notices.size())));
                Collections.shuffle(shuffled, random);
                PaymentFacts delivered = PaymentFacts.of(ORDER, shuffled);
                assertThat(delivered.status()).as("round " + round).isEqualTo(inOrder.status());
                assertThat(delivered.captured()).isEqualTo(inOrder.captured());
                assertThat(delivered.refunded()).isEqualTo(inOrder.refunded());
            }
            assertThat(inOrder.refunded().compareTo(inOrder.captured())).isLessThanOrEqualTo(0);
        }
    }
}
