package dev.atelier.platform.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's locations (the tenant schema is chosen by the connection, never by a query argument). */
public interface LocationRepository extends ListCrudRepository<Location, UUID> {

    /** All locations with their opening hours, in one query. */
    @EntityGraph(attributePaths = "openingHours")
    List<Location> findAllByOrderByName();
}
