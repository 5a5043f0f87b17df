package dev.atelier.platform.catalog;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's chairs, basins and rooms. */
public interface ResourceRepository extends ListCrudRepository<Resource, UUID> {

    List<Resource> findAllByOrderByNameAscIdAsc();

    List<Resource> findByLocationIdOrderByNameAscIdAsc(UUID locationId);
}
