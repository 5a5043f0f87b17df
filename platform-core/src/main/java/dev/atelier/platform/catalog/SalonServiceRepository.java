package dev.atelier.platform.catalog;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's services. */
public interface SalonServiceRepository extends ListCrudRepository<SalonService, UUID> {

    /** The whole menu with resource types and performers, in one query per collection. */
    @EntityGraph(attributePaths = {"resourceTypes", "performers"})
    List<SalonService> findAllByOrderByName();

    @EntityGraph(attributePaths = {"resourceTypes", "performers"})
    List<SalonService> findAllByIdIn(Collection<UUID> ids);

    /** The services {@code staffId} performs. */
    @EntityGraph(attributePaths = {"resourceTypes", "performers"})
    List<SalonService> findDistinctByPerformersStaffId(UUID staffId);
}
