package dev.atelier.platform.payments;

import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.payments.model.Quote;
import dev.atelier.platform.web.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a visit will cost and ask ahead at the current chain, before it is booked: the prices and deposit rules the
 * catalog has now, for the stylists chosen (the booking applies the same when it is placed).
 */
@Component
public class Quotes {

    private final SalonServiceRepository services;

    Quotes(SalonServiceRepository services) {
        this.services = services;
    }

    /**
     * The quote for {@code items}, each service by its stylist.
     *
     * @throws NotFoundException when a service is not the chain's
     */
    @Transactional(readOnly = true)
    public Quote of(List<BookingRequest.Item> items) {
        Map<UUID, SalonService> byId = services.findAllByIdIn(items.stream().map(BookingRequest.Item::serviceId)
                .toList()).stream().collect(Collectors.toMap(SalonService::id, Function.identity()));
        return Quote.of(items.stream().map(item -> {
            SalonService service = byId.get(item.serviceId());
            if (service == null) {
                throw new NotFoundException("service");
            }
            BigDecimal price = service.performers().stream()
                    .filter(performer -> performer.staffId().equals(item.staffId()))
                    .map(Performer::priceAmount).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(service.priceAmount());
            DepositRule rule = service.deposit();
            return new Quote.Priced(service.id(), item.staffId(), Money.of(price, service.currency()), rule);
        }).toList());
    }
}
