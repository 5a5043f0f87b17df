package dev.atelier.platform.staff;

import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.UnknownTenantException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invitee's side of joining a chain's staff: the open invitations of the signed-in account, accepting one (the
 * account becomes active staff with the role the chain chose, and a member of the chain's identity organization) or
 * declining it. Only the invited account may answer, once, before the invitation expires. Two answers at once settle
 * on one: the first to claim the invitation carries it out, and a claim that cannot be carried out is reopened.
 */
@Service
public class StaffInvitations {

    private static final Logger log = LoggerFactory.getLogger(StaffInvitations.class);

    /** An open invitation with the chain it comes from. */
    public record Open(Invitation invitation, Tenant tenant) {
    }

    private final StaffDirectory directory;
    private final TenantDirectory tenants;
    private final MembershipRepository memberships;
    private final IdentityProvider identity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public StaffInvitations(StaffDirectory directory, TenantDirectory tenants, MembershipRepository memberships,
            IdentityProvider identity, TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.tenants = tenants;
        this.memberships = memberships;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The account's invitations still open, from chains that are open for business. */
    public List<Open> openFor(String userId) {
        return directory.pendingFor(userId, clock.instant()).stream()
                .flatMap(invitation -> servable(invitation).map(tenant -> new Open(invitation, tenant)).stream())
                .toList();
    }

    /** The account joins the chain's staff; returns the chain and the now active membership. */
    public Joined accept(String userId, UUID invitationId) {
        Instant now = clock.instant();
        Invitation invitation = claim(userId, invitationId, Invitation.Status.ACCEPTED, now);
        try {
            Tenant tenant = servable(invitation).orElseThrow(InvitationNotFoundException::new);
            Membership member = TenantContext.asTenant(tenant, () -> {
                transactions.executeWithoutResult(status -> invitedMember(invitation, userId));
                identity.addMember(tenant.placement().organizationId(), userId);
                return transactions.execute(status -> {
                    Membership invited = invitedMember(invitation, userId);
                    if (invited.status() == Membership.Status.INVITED) {
                        invited.accept(now);
                    }
                    invited.locationIds();
                    return memberships.save(invited);
                });
            });
            directory.link(userId, tenant.id(), now);
            log.info("account {} joined the staff of {} as {}", userId, tenant.slug(), member.role());
            return new Joined(tenant, member);
        } catch (RuntimeException e) {
            reopen(invitation, e);
            throw e;
        }
    }

    /** The account says no; the chain sees the membership as declined and may invite again. */
    public void decline(String userId, UUID invitationId) {
        Instant now = clock.instant();
        Invitation invitation = claim(userId, invitationId, Invitation.Status.DECLINED, now);
        try {
            Optional<Tenant> tenant = servable(invitation);
            tenant.ifPresent(chain -> TenantContext.asTenant(chain, () -> transactions.executeWithoutResult(status -> {
                Membership invited = invitedMember(invitation, userId);
                if (invited.status() == Membership.Status.INVITED) {
                    invited.decline(now);
                    memberships.save(invited);
                }
            })));
        } catch (RuntimeException e) {
            reopen(invitation, e);
            throw e;
        }
    }

    public record Joined(Tenant tenant, Membership member) {
    }

    private Invitation claim(String userId, UUID invitationId, Invitation.Status outcome, Instant now) {
        Invitation invitation = directory.find(invitationId).orElseThrow(InvitationNotFoundException::new);
        invitation.requireAnswerableBy(userId, now);
        if (!directory.answer(invitationId, outcome, now)) {
            Invitation.Status answered = directory.find(invitationId).map(Invitation::status)
                    .orElse(Invitation.Status.WITHDRAWN);
            throw new InvitationAnsweredException(answered);
        }
        return invitation;
    }

    private Membership invitedMember(Invitation invitation, String userId) {
        Membership member = memberships.findById(invitation.memberId())
                .filter(m -> m.userId().equals(userId))
                .orElseThrow(InvitationNotFoundException::new);
        if (member.status() != Membership.Status.INVITED && member.status() != Membership.Status.ACTIVE) {
            throw new InvitationAnsweredException(Invitation.Status.WITHDRAWN);
        }
        return member;
    }

    private Optional<Tenant> servable(Invitation invitation) {
        try {
            return tenants.byId(invitation.tenantId()).map(tenants::requireServable);
        } catch (UnknownTenantException e) {
            return Optional.empty();
        }
    }

    private void reopen(Invitation invitation, RuntimeException cause) {
        if (cause instanceof InvitationAnsweredException) {
            return;
        }
        try {
            directory.reopen(invitation.id());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error("could not reopen invitation {} after a failed answer", invitation.id(), e);
        }
    }
}
