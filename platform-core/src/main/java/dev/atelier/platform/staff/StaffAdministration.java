package dev.atelier.platform.staff;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.ForbiddenException;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current tenant's staff: adding people (a new platform account, or an existing one joining), changing their
 * role, places of work and name, disabling and enabling them. Owners may do anything; managers only about
 * receptionists and stylists. A tenant always keeps an active owner. The tenant's data decides access: a disabled
 * member is refused at once even with a token still valid; the organization membership only shapes future tokens.
 */
@Service
public class StaffAdministration {

    private static final Logger log = LoggerFactory.getLogger(StaffAdministration.class);
    private static final Set<StaffRole> MANAGED_BY_MANAGERS = Set.of(StaffRole.RECEPTIONIST, StaffRole.STYLIST);

    private final MembershipRepository memberships;
    private final LocationRepository locations;
    private final IdentityProvider identity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public StaffAdministration(MembershipRepository memberships, LocationRepository locations,
            IdentityProvider identity, TransactionTemplate transactions, Clock clock) {
        this.memberships = memberships;
        this.locations = locations;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Membership> list() {
        return transactions.execute(status -> memberships.findAllByOrderByNameAsc());
    }

    public Membership get(UUID id) {
        return transactions.execute(status -> {
            Membership member = memberships.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
            member.locationIds();
            return member;
        });
    }

    /**
     * Adds a person to the staff: reuses their platform account when the email has one, else creates it; makes it a
     * member of the tenant's organization; records the membership. If a step fails, what this call made is undone.
     */
    public Membership add(StaffRole actor, NewStaffMember person) {
        mayManage(actor, person.role());
        requireKnownLocations(person.locationIds());
        String email = Account.normalizeEmail(person.email());
        if (transactions.execute(status -> memberships.findByEmail(email)).isPresent()) {
            throw new MemberExistsException();
        }
        String organizationId = TenantContext.require().placement().organizationId();
        Optional<String> existing = identity.findAccountByEmail(email);
        String userId = existing.orElseGet(() -> identity.createAccount(
                new Account(email, null, person.name(), person.password())));
        try {
            identity.addMember(organizationId, userId);
            return transactions.execute(status -> {
                Membership member = new Membership(userId, email, person.name(), person.role(), clock.instant());
                member.workAt(person.locationIds(), clock.instant());
                return memberships.save(member);
            });
        } catch (RuntimeException e) {
            undo(() -> identity.removeMember(organizationId, userId), "organization membership", e);
            if (existing.isEmpty()) {
                undo(() -> identity.deleteAccount(userId), "account", e);
            }
            throw e;
        }
    }

    public Membership change(StaffRole actor, UUID id, StaffChange change) {
        if (change.locationIds() != null) {
            requireKnownLocations(change.locationIds());
        }
        return transactions.execute(status -> {
            Membership member = memberships.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
            mayManage(actor, member.role());
            if (change.role() != null && change.role() != member.role()) {
                mayManage(actor, change.role());
                if (member.role() == StaffRole.OWNER && member.isActive()) {
                    requireAnotherActiveOwner();
                }
                member.changeRole(change.role(), clock.instant());
            }
            if (change.name() != null) {
                member.rename(change.name(), clock.instant());
            }
            if (change.locationIds() != null) {
                member.workAt(change.locationIds(), clock.instant());
            }
            member.locationIds();
            return memberships.save(member);
        });
    }

    /** Refuses the member at once; their organization membership goes too, so new tokens no longer name it. */
    public Membership disable(StaffRole actor, UUID id) {
        Membership disabled = transactions.execute(status -> {
            Membership member = memberships.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
            mayManage(actor, member.role());
            if (member.role() == StaffRole.OWNER && member.isActive()) {
                requireAnotherActiveOwner();
            }
            member.disable(clock.instant());
            member.locationIds();
            return memberships.save(member);
        });
        String organizationId = TenantContext.require().placement().organizationId();
        try {
            identity.removeMember(organizationId, disabled.userId());
        } catch (RuntimeException e) {
            log.warn("member {} is disabled but still in organization {}: {}", disabled.id(), organizationId,
                    e.getMessage());
        }
        return disabled;
    }

    public Membership enable(StaffRole actor, UUID id) {
        Membership member = get(id);
        mayManage(actor, member.role());
        identity.addMember(TenantContext.require().placement().organizationId(), member.userId());
        return transactions.execute(status -> {
            Membership current = memberships.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
            current.enable(clock.instant());
            current.locationIds();
            return memberships.save(current);
        });
    }

    private void requireAnotherActiveOwner() {
        if (memberships.countByRoleAndStatus(StaffRole.OWNER, Membership.Status.ACTIVE) <= 1) {
            throw new LastOwnerException();
        }
    }

    private static void mayManage(StaffRole actor, StaffRole target) {
        boolean allowed = switch (actor) {
            case OWNER -> true;
            case MANAGER -> MANAGED_BY_MANAGERS.contains(target);
            case RECEPTIONIST, STYLIST -> false;
        };
        if (!allowed) {
            throw new ForbiddenException("A " + actor.name().toLowerCase() + " may not manage "
                    + target.name().toLowerCase() + "s.");
        }
    }

    private void requireKnownLocations(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> known = new HashSet<>();
        transactions.executeWithoutResult(status -> locations.findAllById(ids).forEach(l -> known.add(l.id())));
        List<FieldError> errors = new ArrayList<>();
        for (UUID id : ids) {
            if (!known.contains(id)) {
                errors.add(new FieldError("locationIds", "No location " + id + " here"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void undo(Runnable step, String what, RuntimeException cause) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.error("could not undo the {} made for a staff member that failed: {}", what, e.getMessage());
            cause.addSuppressed(e);
        }
    }
}
