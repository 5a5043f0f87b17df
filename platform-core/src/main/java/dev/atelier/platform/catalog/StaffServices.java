package dev.atelier.platform.catalog;

import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which services each staff member performs (the {@code staff_service} rows, kept on the services). */
@Component
public class StaffServices {

    private final SalonServiceRepository services;
    private final Clock clock;

    public StaffServices(SalonServiceRepository services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** Refuses ids that are not services of the current tenant, naming each under {@code field}. */
    @Transactional(readOnly = true)
    public void requireExisting(String field, Collection<UUID> serviceIds) {
        Set<UUID> wanted = new HashSet<>(serviceIds);
        wanted.removeAll(services.findAllByIdIn(wanted).stream().map(SalonService::id).toList());
        if (!wanted.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            wanted.stream().sorted().forEach(id -> errors.add(new FieldError(field, "no service " + id + " here")));
            throw new InvalidRequestException(errors);
        }
    }

    /** {@code staffId} performs exactly {@code serviceIds} from now on (at the menu's duration and price). */
    @Transactional
    public void assign(UUID staffId, Collection<UUID> serviceIds) {
        requireExisting("serviceIds", serviceIds);
        Set<UUID> wanted = new HashSet<>(serviceIds);
        for (SalonService service : services.findDistinctByPerformersStaffId(staffId)) {
            if (!wanted.remove(service.id())) {
                service.stopPerforming(staffId, clock.instant());
            }
        }
        for (SalonService service : services.findAllByIdIn(wanted)) {
            service.perform(staffId, null, null, clock.instant());
        }
    }

    /** The services {@code staffId} performs, sorted. */
    @Transactional(readOnly = true)
    public List<UUID> of(UUID staffId) {
        return services.findDistinctByPerformersStaffId(staffId).stream().map(SalonService::id).sorted().toList();
    }

    /** The services of every staff member, in one query: staff id to sorted service ids. */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> byStaff() {
        Map<UUID, List<UUID>> byStaff = new HashMap<>();
        for (SalonService service : services.findAllByOrderByName()) {
            for (Performer performer : service.performers()) {
                byStaff.computeIfAbsent(performer.staffId(), id -> new ArrayList<>()).add(service.id());
            }
        }
        byStaff.values().forEach(ids -> ids.sort(null));
        return byStaff;
    }
}
