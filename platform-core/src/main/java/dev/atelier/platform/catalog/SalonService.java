package dev.atelier.platform.catalog;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.model.DepositRule;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A service on the menu: how long it takes (and the processing time inside it during which the stylist is free for
 * another client), the buffers around it, its price, whether customers may book it online, the resources it needs,
 * and who performs it.
 */
@Entity
@Table(name = "service")
public class SalonService {

    /** What a service is made of; checked once here, whoever builds it. */
    public record Definition(String name, UUID categoryId, String description, int durationMinutes,
            int processingOffsetMinutes, int processingMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
            BigDecimal priceAmount, Currency currency, boolean onlineBookable, Set<String> resourceTypes) {

        public Definition {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a service needs a name");
            }
            if (durationMinutes < 5 || durationMinutes > 720) {
                throw new IllegalArgumentException("duration must be 5 to 720 minutes");
            }
            if (bufferBeforeMinutes < 0 || bufferBeforeMinutes > 240 || bufferAfterMinutes < 0
                    || bufferAfterMinutes > 240) {
                throw new IllegalArgumentException("buffers must be 0 to 240 minutes");
            }
            if (processingOffsetMinutes < 0 || processingMinutes < 0
                    || processingOffsetMinutes + processingMinutes > durationMinutes) {
                throw new IllegalArgumentException("processing time must lie inside the service");
            }
            if (priceAmount == null || priceAmount.signum() < 0 || priceAmount.scale() > 2) {
                throw new IllegalArgumentException("price must be an amount of at least 0 with at most 2 decimals");
            }
            resourceTypes = Set.copyOf(resourceTypes);
        }
    }

    /** The most lead time a service may ask for (30 days), as the chain's policy. */
    public static final int MAX_LEAD_TIME_MINUTES = 43_200;
    /** The furthest horizon a service may have, as the table allows. */
    public static final int MAX_HORIZON_DAYS = 730;
    /** The finest and coarsest slot grid a service may have, as the table allows. */
    public static final int MIN_SLOT_STEP_MINUTES = 5;
    public static final int MAX_SLOT_STEP_MINUTES = 240;

    @Id
    private UUID id;

    @Column(name = "category_id")
    private UUID categoryId;

    private String name;

    private String description;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Column(name = "processing_offset_minutes")
    private int processingOffsetMinutes;

    @Column(name = "processing_minutes")
    private int processingMinutes;

    @Column(name = "buffer_before_minutes")
    private int bufferBeforeMinutes;

    @Column(name = "buffer_after_minutes")
    private int bufferAfterMinutes;

    @Column(name = "price_amount")
    private BigDecimal priceAmount;

    @Column(name = "price_currency")
    private String priceCurrency;

    @Column(name = "online_bookable")
    private boolean onlineBookable;

    private boolean active;

    @Column(name = "lead_time_minutes")
    private Integer leadTimeMinutes;

    @Column(name = "horizon_days")
    private Integer horizonDays;

    @Column(name = "slot_step_minutes")
    private Integer slotStepMinutes;

    @Column(name = "deposit_type")
    private String depositType = "NONE";

    @Column(name = "deposit_amount")
    private BigDecimal depositAmount;

    @Column(name = "deposit_percent")
    private Integer depositPercent;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "service_resource_type", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "resource_type")
    private Set<String> resourceTypes = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "staff_service", joinColumns = @JoinColumn(name = "service_id"))
    private Set<Performer> performers = new HashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SalonService() {
    }

    public SalonService(Definition definition, Instant now) {
        this.id = UUID.randomUUID();
        this.active = true;
        this.createdAt = now;
        apply(definition, now);
    }

    /** Replaces what the service is. */
    public void apply(Definition definition, Instant now) {
        this.name = definition.name().strip();
        this.categoryId = definition.categoryId();
        this.description = definition.description();
        this.durationMinutes = definition.durationMinutes();
        this.processingOffsetMinutes = definition.processingOffsetMinutes();
        this.processingMinutes = definition.processingMinutes();
        this.bufferBeforeMinutes = definition.bufferBeforeMinutes();
        this.bufferAfterMinutes = definition.bufferAfterMinutes();
        this.priceAmount = definition.priceAmount();
        this.priceCurrency = definition.currency().getCurrencyCode();
        this.onlineBookable = definition.onlineBookable();
        this.resourceTypes = new HashSet<>(definition.resourceTypes());
        this.updatedAt = now;
    }

    /**
     * How soon and how far ahead customers may book this service, where it asks for more lead time or less horizon
     * than the chain's policy, and its own grid of start times (each null: the policy's).
     */
    public void bookingWindow(Integer leadTimeMinutes, Integer horizonDays, Integer slotStepMinutes, Instant now) {
        if (slotStepMinutes != null
                && (slotStepMinutes < MIN_SLOT_STEP_MINUTES || slotStepMinutes > MAX_SLOT_STEP_MINUTES)) {
            throw new IllegalArgumentException("slot step must be " + MIN_SLOT_STEP_MINUTES + " to "
                    + MAX_SLOT_STEP_MINUTES + " minutes");
        }
        if (leadTimeMinutes != null && (leadTimeMinutes < 0 || leadTimeMinutes > MAX_LEAD_TIME_MINUTES)) {
            throw new IllegalArgumentException("lead time must be 0 to " + MAX_LEAD_TIME_MINUTES + " minutes");
        }
        if (horizonDays != null && (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS)) {
            throw new IllegalArgumentException("horizon must be 1 to " + MAX_HORIZON_DAYS + " days");
        }
        this.leadTimeMinutes = leadTimeMinutes;
        this.horizonDays = horizonDays;
        this.slotStepMinutes = slotStepMinutes;
        this.updatedAt = now;
    }

    /** What booking this service asks to be paid at once (in the service's currency). */
    public DepositRule deposit() {
        return switch (depositType) {
            case "FIXED" -> new DepositRule.Fixed(Money.of(depositAmount, currency()));
            case "PERCENT" -> new DepositRule.Percent(depositPercent);
            case "FULL" -> new DepositRule.Full();
            default -> new DepositRule.None();
        };
    }

    /** Sets what booking this service asks to be paid at once; a fixed deposit is in the service's currency. */
    public void deposit(DepositRule rule, Instant now) {
        this.depositAmount = null;
        this.depositPercent = null;
        switch (rule) {
            case DepositRule.None none -> this.depositType = "NONE";
            case DepositRule.Full full -> this.depositType = "FULL";
            case DepositRule.Percent percent -> {
                this.depositType = "PERCENT";
                this.depositPercent = percent.percent();
            }
            case DepositRule.Fixed fixed -> {
                if (!fixed.amount().currency().equals(currency())) {
                    throw new IllegalArgumentException("a deposit is in the service's currency, " + currency());
                }
                this.depositType = "FIXED";
                this.depositAmount = fixed.amount().amount();
            }
        }
        this.updatedAt = now;
    }

    /** Taken off the menu (inactive services are neither listed to customers nor bookable), or put back. */
    public void activate(boolean onTheMenu, Instant now) {
        this.active = onTheMenu;
        this.updatedAt = now;
    }

    /** {@code staffId} performs this service (with their own duration/price, or null for the menu's). */
    public void perform(UUID staffId, Integer durationMinutes, BigDecimal priceAmount, Instant now) {
        performers.removeIf(p -> p.staffId().equals(staffId));
        performers.add(new Performer(staffId, durationMinutes, priceAmount));
        this.updatedAt = now;
    }

    /** {@code staffId} no longer performs this service. */
    public void stopPerforming(UUID staffId, Instant now) {
        if (performers.removeIf(p -> p.staffId().equals(staffId))) {
            this.updatedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public int processingOffsetMinutes() {
        return processingOffsetMinutes;
    }

    public int processingMinutes() {
        return processingMinutes;
    }

    public int bufferBeforeMinutes() {
        return bufferBeforeMinutes;
    }

    public int bufferAfterMinutes() {
        return bufferAfterMinutes;
    }

    public BigDecimal priceAmount() {
        return priceAmount;
    }

    public Currency currency() {
        return Currency.getInstance(priceCurrency);
    }

    public boolean onlineBookable() {
        return onlineBookable;
    }

    public boolean active() {
        return active;
    }

    public Integer leadTimeMinutes() {
        return leadTimeMinutes;
    }

    public Integer horizonDays() {
        return horizonDays;
    }

    /** Its own grid of start times in minutes, or null for the chain's. */
    public Integer slotStepMinutes() {
        return slotStepMinutes;
    }

    public Set<String> resourceTypes() {
        return Set.copyOf(resourceTypes);
    }

    public List<Performer> performers() {
        return performers.stream().sorted(java.util.Comparator.comparing(Performer::staffId)).toList();
    }
}
