package dev.atelier.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A stylist who performs a service, with their own duration or price where they differ from the menu. */
@Embeddable
public class Performer {

    @Column(name = "staff_id")
    private UUID staffId;

    @Column(name = "duration_minutes")
    private Integer durationMinutes;

    @Column(name = "price_amount")
    private BigDecimal priceAmount;

    protected Performer() {
    }

    public Performer(UUID staffId, Integer durationMinutes, BigDecimal priceAmount) {
        this.staffId = Objects.requireNonNull(staffId, "staffId");
        this.durationMinutes = durationMinutes;
        this.priceAmount = priceAmount;
    }

    public UUID staffId() {
        return staffId;
    }

    /** Their own duration, or null for the service's. */
    public Integer durationMinutes() {
        return durationMinutes;
    }

    /** Their own price, or null for the service's. */
    public BigDecimal priceAmount() {
        return priceAmount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Performer that && staffId.equals(that.staffId)
                && Objects.equals(durationMinutes, that.durationMinutes)
                && Objects.equals(priceAmount, that.priceAmount);
    }

    @Override
    public int hashCode() {
        return staffId.hashCode();
    }
}
