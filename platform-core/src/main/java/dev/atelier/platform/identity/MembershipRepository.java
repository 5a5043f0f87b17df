package dev.atelier.platform.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's staff memberships. */
public interface MembershipRepository extends ListCrudRepository<Membership, UUID> {

    Optional<Membership> findByUserId(String userId);
}
