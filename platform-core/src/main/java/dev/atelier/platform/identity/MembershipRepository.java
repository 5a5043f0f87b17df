package dev.atelier.platform.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.ListCrudRepository;

/** The current tenant's staff memberships. */
public interface MembershipRepository extends ListCrudRepository<Membership, UUID> {

    Optional<Membership> findByUserId(String userId);

    Optional<Membership> findByEmail(String email);

    /** Everyone, with their places of work in the same query. */
    @EntityGraph(attributePaths = "locationIds")
    List<Membership> findAllByOrderByNameAsc();

    long countByRoleAndStatus(StaffRole role, Membership.Status status);

    /** These people, with their places of work in the same query. */
    @EntityGraph(attributePaths = "locationIds")
    List<Membership> findByIdIn(java.util.Collection<UUID> ids);
}
