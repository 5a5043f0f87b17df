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
import java.time.Instant;
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
 * The current tenant's staff: adding people, changing their role, places of work and name, disabling and enabling
 * them. A new person gets a platform account made by the chain and is staff at once; an existing account is only
 * invited, and joins when its owner accepts while signed in ({@link StaffInvitations}), so nothing one chain does
 * changes what a person can do at another. Owners may do anything; managers only about
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
    private final StaffDirectory directory;
    private final TransactionTemplate transactions;
    private final StaffProperties properties;
    private final Clock clock;

    public StaffAdministration(MembershipRepository memberships, LocationRepository locations,
            IdentityProvider identity, StaffDirectory directory, TransactionTemplate transactions,
            StaffProperties properties, Clock clock) {
        this.memberships = memberships;
        this.locations = locations;
        this.identity = identity;
        this.directory = directory;
        this.transactions = transactions;
        this.properties = properties;
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
     * Adds a person to the staff. When the email has no platform account, one is made and the person is staff at
     * once; when it has one, the person is {@link Membership.Status#INVITED invited} and joins only by accepting. If a
     * step fails, what this call made is undone.
     */
    public Membership add(StaffRole actor, NewStaffMember person) {
        mayManage(actor, person.role());
        requireKnownLocations(person.locationIds());
        String email = Account.normalizeEmail(person.email());
        Optional<Membership> earlier = transactions.execute(status -> memberships.findByEmail(email));
        Instant now = clock.instant();
        if (earlier.isPresent() && !earlier.get().mayBeInvitedAgain(now)) {
            throw new MemberExistsException();
        }
        Optional<String> existing = identity.findAccountByEmail(email);
        if (existing.isPresent()) {
            return invite(person, email, existing.get(), earlier, now);
        }
        if (earlier.isPresent()) {
            throw new MemberExistsException();
        }
        String organizationId = TenantContext.require().placement().organizationId();
        String userId = identity.createAccount(new Account(email, null, person.name(), person.password()));
        try {
            identity.addMember(organizationId, userId);
            Membership member = transactions.execute(status -> {
                Membership created = new Membership(userId, email, person.name(), person.role(), now);
                created.workAt(person.locationIds(), now);
                return memberships.save(created);
            });
            directory.link(userId, TenantContext.require().id(), now);
            return member;
        } catch (RuntimeException e) {
            undo(() -> identity.removeMember(organizationId, userId), "organization membership", e);
            undo(() -> identity.deleteAccount(userId), "account", e);
            throw e;
        }
    }

    /**
     * An existing account asked to join: the membership waits as INVITED in the chain's data and the invitation is
     * listed for the account; no identity-server membership until it accepts.
     */
    private Membership invite(NewStaffMember person, String email, String userId, Optional<Membership> earlier,
            Instant now) {
        Instant expiresAt = now.plus(properties.invitationTtl());
        Membership member = transactions.execute(status -> {
            Membership invited = earlier.flatMap(m -> memberships.findById(m.id())).orElse(null);
            if (invited == null) {
                invited = Membership.invite(userId, email, person.name(), person.role(), now, expiresAt);
            } else {
                invited.reinvite(person.name(), person.role(), now, expiresAt);
            }
            invited.workAt(person.locationIds(), now);
            Membership saved = memberships.save(invited);
            saved.locationIds();
            return saved;
        });
        directory.invite(Invitation.pending(TenantContext.require().id(), userId, member.id(), member.role(), now,
                expiresAt));
        log.info("invited account {} to the staff as {}", userId, member.role());
        return member;
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

    /**
     * Refuses the member at once; their organization membership goes too, so new tokens no longer name it. An open
     * invitation is withdrawn instead.
     */
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
        if (disabled.status() == Membership.Status.WITHDRAWN) {
            directory.withdrawPending(TenantContext.require().id(), disabled.userId(), clock.instant());
            return disabled;
        }
        directory.unlink(disabled.userId(), TenantContext.require().id());
        String organizationId = TenantContext.require().placement().organizationId();
        try {
            identity.removeMember(organizationId, disabled.userId());
        } catch (RuntimeException e) {
            log.warn("member {} is disabled but still in organization {}: {}", disabled.id(), organizationId,
                    e.getMessage());
        }
        return disabled;
    }

    /** Lets a disabled member back in; someone who never accepted cannot be enabled by the chain. */
    public Membership enable(StaffRole actor, UUID id) {
        Membership member = get(id);
        mayManage(actor, member.role());
        if (member.status() != Membership.Status.ACTIVE && member.status() != Membership.Status.DISABLED) {
            throw new Membership.StepNotAllowedException(member.status(), Membership.Status.ACTIVE);
        }
        identity.addMember(TenantContext.require().placement().organizationId(), member.userId());
        Membership enabled = transactions.execute(status -> {
            Membership current = memberships.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
            current.enable(clock.instant());
            current.locationIds();
            return memberships.save(current);
        });
        directory.link(enabled.userId(), TenantContext.require().id(), clock.instant());
        return enabled;
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
