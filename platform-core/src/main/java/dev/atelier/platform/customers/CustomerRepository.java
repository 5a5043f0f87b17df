package dev.atelier.platform.customers;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's customer profiles. */
public interface CustomerRepository extends ListCrudRepository<Customer, UUID> {

    Optional<Customer> findByUserId(String userId);
}
