package dev.atelier.platform.staff;

import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.tenancy.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The platform-wide side of staff membership, in schema {@code platform} on the registry cell: the invitations an
 * account has from chains, and the chains it is active staff of. Plain SQL on a DataSource of its own identity, so a
 * call made inside a tenant's transaction never joins that transaction's connection.
 */
@Component
public class StaffDirectory {

    private static final String INVITATION = """
            select id, tenant_id, user_id, member_id, role, status, created_at, expires_at, answered_at
              from platform.staff_invitation
            """;

    private final JdbcClient jdbc;

    public StaffDirectory(DataSource registry) {
        this.jdbc = JdbcClient.create(new DelegatingDataSource(registry));
    }

    /** Records a new pending invitation, withdrawing an earlier pending one of the same chain for the same person. */
    public void invite(Invitation invitation) {
        withdrawPending(invitation.tenantId(), invitation.userId(), invitation.createdAt());
        jdbc.sql("""
                insert into platform.staff_invitation
                    (id, tenant_id, user_id, member_id, role, status, created_at, expires_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                """)
                .params(invitation.id(), invitation.tenantId().value(), invitation.userId(), invitation.memberId(),
                        invitation.role().name(), Timestamp.from(invitation.createdAt()),
                        Timestamp.from(invitation.expiresAt()))
                .update();
    }

    public Optional<Invitation> find(UUID id) {
        return jdbc.sql(INVITATION + " where id = ?").param(id).query(StaffDirectory::invitation).optional();
    }

    /** The account's open invitations that have not expired, newest first. */
    public List<Invitation> pendingFor(String userId, Instant now) {
        return jdbc.sql(INVITATION + " where user_id = ? and status = 'PENDING' and expires_at > ? order by created_at"
                + " desc").params(userId, Timestamp.from(now)).query(StaffDirectory::invitation).list();
    }

    /**
     * Moves a pending invitation to {@code outcome}; false when it was no longer pending (answered meanwhile), so two
     * answers at once settle on one.
     */
    public boolean answer(UUID id, Invitation.Status outcome, Instant now) {
        return jdbc.sql("update platform.staff_invitation set status = ?, answered_at = ? where id = ? and status = "
                + "'PENDING'").params(outcome.name(), Timestamp.from(now), id).update() == 1;
    }

    /** Puts an answer that could not be carried out back to pending, so it can be given again. */
    public void reopen(UUID id) {
        jdbc.sql("update platform.staff_invitation set status = 'PENDING', answered_at = null where id = ?").param(id)
                .update();
    }

    public void withdrawPending(TenantId tenant, String userId, Instant now) {
        jdbc.sql("update platform.staff_invitation set status = 'WITHDRAWN', answered_at = ? where tenant_id = ? and "
                + "user_id = ? and status = 'PENDING'").params(Timestamp.from(now), tenant.value(), userId).update();
    }

    /** The account is active staff of the chain (idempotent). */
    public void link(String userId, TenantId tenant, Instant now) {
        jdbc.sql(
                "insert into platform.staff_tenant (user_id, tenant_id, since) values (?, ?, ?) on conflict do nothing")
                .params(userId, tenant.value(), Timestamp.from(now)).update();
    }

    public void unlink(String userId, TenantId tenant) {
        jdbc.sql("delete from platform.staff_tenant where user_id = ? and tenant_id = ?")
                .params(userId, tenant.value()).update();
    }

    /** The chains the account is active staff of. */
    public List<TenantId> tenantsOf(String userId) {
        return jdbc.sql("select tenant_id from platform.staff_tenant where user_id = ? order by tenant_id")
                .param(userId).query((rs, row) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }

    private static Invitation invitation(ResultSet rs, int row) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Invitation(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
                rs.getString("user_id"), rs.getObject("member_id", UUID.class), StaffRole.valueOf(rs.getString("role")),
                Invitation.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), answered == null ? null : answered.toInstant());
    }
}
