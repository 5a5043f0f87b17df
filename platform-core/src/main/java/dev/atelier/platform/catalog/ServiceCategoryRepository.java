package dev.atelier.platform.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's service categories. */
public interface ServiceCategoryRepository extends ListCrudRepository<ServiceCategory, UUID> {

    Optional<ServiceCategory> findByNameIgnoreCase(String name);

    List<ServiceCategory> findAllByOrderByPositionAscNameAsc();
}
