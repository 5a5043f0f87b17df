package dev.atelier.platform.scheduling;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Closures of the current tenant's locations. */
public interface LocationClosureRepository extends ListCrudRepository<LocationClosure, UUID> {

    List<LocationClosure> findByLocationIdOrderByStartsAtAsc(UUID locationId);

    Optional<LocationClosure> findByIdAndLocationId(UUID id, UUID locationId);
}
