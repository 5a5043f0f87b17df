package dev.atelier.platform.onboarding;

import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.AccountExistsException;
import dev.atelier.platform.identity.Branding;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.staff.StaffDirectory;
import dev.atelier.platform.tenancy.NewTenant;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantProvisioning;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A salon chain signs up: its tenant (registry entry and schema), its identity organization, its storefront's
 * sign-in client (with a starter brand), its owner's account, the owner's membership and role. All or nothing: when any step fails (identity server down, database error) the
 * steps already done are undone in reverse order, so the same signup can simply be retried.
 */
@Service
public class TenantSignup {

    private static final Logger log = LoggerFactory.getLogger(TenantSignup.class);

    private final TenantProvisioning provisioning;
    private final IdentityProvider identity;
    private final MembershipRepository memberships;
    private final StaffDirectory staff;
    private final TransactionTemplate transactions;
    private final StorefrontUrls storefronts;
    private final Clock clock;

    public TenantSignup(TenantProvisioning provisioning, IdentityProvider identity, MembershipRepository memberships,
            StaffDirectory staff, TransactionTemplate transactions, StorefrontUrls storefronts, Clock clock) {
        this.provisioning = provisioning;
        this.identity = identity;
        this.memberships = memberships;
        this.staff = staff;
        this.transactions = transactions;
        this.storefronts = storefronts;
        this.clock = clock;
    }

    public Tenant signUp(NewTenant chain, Account owner) {
        if (identity.accountExists(owner.email())) {
            throw new AccountExistsException();
        }
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            Tenant tenant = provisioning.create(chain);
            undo.push(() -> provisioning.destroy(tenant));
            String organizationId = identity.createOrganization(chain.slug(), chain.name());
            undo.push(() -> identity.deleteOrganization(organizationId));
            String clientId = identity.createStorefrontClient(chain.slug(), storefronts.of(chain.slug()),
                    Branding.starter(chain.name(), chain.slug().value()));
            undo.push(() -> identity.deleteStorefrontClient(clientId));
            String ownerId = identity.createAccount(owner);
            undo.push(() -> identity.deleteAccount(ownerId));
            identity.addMember(organizationId, ownerId);
            Tenant placed = provisioning.linkOrganization(tenant, organizationId);
            TenantContext.asTenant(placed, () -> transactions.executeWithoutResult(status -> memberships
                    .save(new Membership(ownerId, owner.email(), owner.name(), StaffRole.OWNER, clock.instant()))));
            staff.link(ownerId, placed.id(), clock.instant());
            log.info("signed up tenant {} with organization {} and owner {}", chain.slug(), organizationId, ownerId);
            return placed;
        } catch (RuntimeException e) {
            undo.forEach(step -> compensate(step, e));
            throw e;
        }
    }

    private static void compensate(Runnable step, RuntimeException cause) {
        try {
            step.run();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error("could not undo a step of a failed signup; it needs a hand", e);
        }
    }
}
