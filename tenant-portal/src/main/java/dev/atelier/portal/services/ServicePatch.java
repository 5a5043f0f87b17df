package dev.atelier.portal.services;

import dev.atelier.platform.catalog.SalonService;
import java.util.List;
import java.util.UUID;

/**
 * Changes to a service: any field of {@link ServiceRequest}, plus {@code active}; absent (or null) fields stay as
 * they are. {@code category} {@code ""} takes the service out of its category; {@code resourceTypes} and
 * {@code staffIds} replace the lists. The result is checked exactly as a new service would be.
 */
record ServicePatch(String name, String category, String description, Integer durationMinutes,
        Integer processingOffsetMinutes, Integer processingMinutes, Integer bufferBeforeMinutes,
        Integer bufferAfterMinutes, ServiceRequest.Price price, Boolean onlineBookable, List<String> resourceTypes,
        List<UUID> staffIds, Integer leadTimeMinutes, Integer horizonDays, Integer slotStepMinutes, Boolean active,
        ServiceRequest.Deposit deposit) {

    /** The service as a full request with this patch applied. */
    ServiceRequest over(SalonService service, String categoryName) {
        return new ServiceRequest(or(name, service.name()), or(category, categoryName),
                or(description, service.description()), or(durationMinutes, service.durationMinutes()),
                or(processingOffsetMinutes, service.processingOffsetMinutes()),
                or(processingMinutes, service.processingMinutes()),
                or(bufferBeforeMinutes, service.bufferBeforeMinutes()),
                or(bufferAfterMinutes, service.bufferAfterMinutes()),
                or(price, new ServiceRequest.Price(service.priceAmount(), service.currency().getCurrencyCode())),
                or(onlineBookable, service.onlineBookable()),
                or(resourceTypes, service.resourceTypes().stream().sorted().toList()),
                or(staffIds, service.performers().stream().map(performer -> performer.staffId()).toList()),
                or(leadTimeMinutes, service.leadTimeMinutes()), or(horizonDays, service.horizonDays()),
                or(slotStepMinutes, service.slotStepMinutes()),
                or(deposit, ServiceRequest.Deposit.of(service.deposit())));
    }

    private static <T> T or(T changed, T stored) {
        return changed != null ? changed : stored;
    }
}
