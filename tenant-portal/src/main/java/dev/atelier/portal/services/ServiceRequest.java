package dev.atelier.portal.services;

import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A service for the menu. {@code category} is a name (made if new); processing time is the stretch inside the
 * service during which the stylist is free for someone else; {@code staffIds} perform it; {@code leadTimeMinutes}
 * and {@code horizonDays} (optional) make the chain's booking policy stricter for this service; {@code slotStepMinutes}
 * (optional) gives it its own grid of start times; {@code deposit} (optional) what booking it asks to be paid at once.
 */
record ServiceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 120) String category,
        @Size(max = 2000) String description, @NotNull @Min(5) @Max(720) Integer durationMinutes,
        @Min(0) @Max(720) Integer processingOffsetMinutes, @Min(0) @Max(720) Integer processingMinutes,
        @Min(0) @Max(240) Integer bufferBeforeMinutes, @Min(0) @Max(240) Integer bufferAfterMinutes,
        @NotNull @Valid Price price, Boolean onlineBookable,
        @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+") String> resourceTypes,
        @Size(max = 200) List<@NotNull UUID> staffIds,
        @Min(0) @Max(SalonService.MAX_LEAD_TIME_MINUTES) Integer leadTimeMinutes,
        @Min(1) @Max(SalonService.MAX_HORIZON_DAYS) Integer horizonDays,
        @Min(SalonService.MIN_SLOT_STEP_MINUTES) @Max(SalonService.MAX_SLOT_STEP_MINUTES) Integer slotStepMinutes,
        @Valid Deposit deposit) {

    /**
     * What booking the service asks to be paid at once: {@code NONE} (at the salon; also when absent), {@code FIXED}
     * with an {@code amount}, {@code PERCENT} of the price with a {@code percent} (1–100), or {@code FULL}.
     */
    record Deposit(@NotNull @Pattern(regexp = "NONE|FIXED|PERCENT|FULL") String type, @Valid Price amount,
            @Min(1) @Max(100) Integer percent) {

        static Deposit of(DepositRule rule) {
            return switch (rule) {
                case DepositRule.None none -> new Deposit("NONE", null, null);
                case DepositRule.Full full -> new Deposit("FULL", null, null);
                case DepositRule.Percent share -> new Deposit("PERCENT", null, share.percent());
                case DepositRule.Fixed fixed -> new Deposit("FIXED", new Price(fixed.amount().amount(),
                        fixed.amount().currency().getCurrencyCode()), null);
            };
        }

        /** What is wrong with it beyond its shape: an amount or percent missing, or given for another type. */
        List<FieldError> problems() {
            List<FieldError> errors = new ArrayList<>();
            if (type.equals("FIXED") == (amount == null)) {
                errors.add(new FieldError("deposit.amount", type.equals("FIXED")
                        ? "a fixed deposit needs its amount"
                        : "an amount goes only with a FIXED deposit"));
            } else if (amount != null) {
                errors.addAll(amount.problems("deposit.amount"));
                if (amount.amount().signum() == 0) {
                    errors.add(new FieldError("deposit.amount", "a fixed deposit is more than 0"));
                }
            }
            if (type.equals("PERCENT") == (percent == null)) {
                errors.add(new FieldError("deposit.percent", type.equals("PERCENT")
                        ? "a percentage deposit needs its percent"
                        : "a percent goes only with a PERCENT deposit"));
            }
            return errors;
        }

        /** The rule, once {@link #problems()} found nothing. */
        DepositRule rule() {
            return switch (type) {
                case "FIXED" -> new DepositRule.Fixed(Money.of(amount.amount(), Currency.getInstance(
                        amount.currency())));
                case "PERCENT" -> new DepositRule.Percent(percent);
                case "FULL" -> new DepositRule.Full();
                default -> new DepositRule.None();
            };
        }
    }

    /** An amount (at most 2 decimals, below ten billion: what the price columns hold) in the tenant's currency. */
    record Price(@NotNull @Min(0) @DecimalMax("9999999999.99") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency) {

        /** What is wrong with it beyond its shape, for field {@code field}: another currency, sub-cent amounts. */
        List<FieldError> problems(String field) {
            List<FieldError> errors = new ArrayList<>();
            Currency chain = TenantContext.require().currency();
            if (!chain.getCurrencyCode().equals(currency)) {
                errors.add(new FieldError(field + ".currency", "must be the chain's currency, " + chain));
            }
            if (amount.scale() > 2) {
                errors.add(new FieldError(field + ".amount", "has at most 2 decimals"));
            }
            return errors;
        }
    }
}
