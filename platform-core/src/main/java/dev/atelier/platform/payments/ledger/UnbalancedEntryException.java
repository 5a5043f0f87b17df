package dev.atelier.platform.payments.ledger;

/** A journal entry whose debits and credits differ, or that mixes currencies: never written. */
public class UnbalancedEntryException extends IllegalArgumentException {

    public UnbalancedEntryException(String message) {
        super(message);
    }
}
