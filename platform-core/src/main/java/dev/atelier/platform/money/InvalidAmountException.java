package dev.atelier.platform.money;

/** An amount that cannot be money: negative, too precise for its currency, too large, or not a number at all. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String message) {
        super(message);
    }
}
