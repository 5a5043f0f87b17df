package dev.atelier.platform.payments.reports;

import java.util.List;

/** One page of the payments a query names, and how many it names in all. */
public record PaymentPage(int page, int size, long total, List<PaymentRow> payments) {

    public PaymentPage {
        payments = List.copyOf(payments);
    }
}
