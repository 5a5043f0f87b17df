package dev.atelier.portal.services;

import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A service as the portal shows it. */
record ServiceView(String id, String name, String category, String description, int durationMinutes,
        int processingOffsetMinutes, int processingMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
        PriceView price, boolean onlineBookable, boolean active, List<String> resourceTypes, List<String> staffIds,
        Integer leadTimeMinutes, Integer horizonDays, Integer slotStepMinutes, ServiceRequest.Deposit deposit) {

    record PriceView(BigDecimal amount, String currency) {
    }

    static ServiceView of(SalonService service, String category) {
        return new ServiceView(service.id().toString(), service.name(), category, service.description(),
                service.durationMinutes(), service.processingOffsetMinutes(), service.processingMinutes(),
                service.bufferBeforeMinutes(), service.bufferAfterMinutes(),
                new PriceView(service.priceAmount(), service.currency().getCurrencyCode()), service.onlineBookable(),
                service.active(), service.resourceTypes().stream().sorted().toList(),
                service.performers().stream().map(Performer::staffId).map(UUID::toString).toList(),
                service.leadTimeMinutes(), service.horizonDays(), service.slotStepMinutes(),
                ServiceRequest.Deposit.of(service.deposit()));
    }
}
