package dev.atelier.portal.invitations;

import dev.atelier.platform.security.Caller;
import dev.atelier.platform.staff.Invitation;
import dev.atelier.platform.staff.StaffInvitations;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.web.ForbiddenException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in account's invitations to join chains' staff: listing the open ones, accepting one (the account becomes
 * staff of that chain with the role it was invited for) and declining one. Any signed-in account may call these; each
 * sees and answers only its own invitations (someone else's is 404). No tenant is needed: the invitation names it.
 */
@RestController
@RequestMapping("/api/v1/invitations")
class InvitationsController {

    record TenantRef(String id, String slug, String name) {

        static TenantRef of(Tenant tenant) {
            return new TenantRef(tenant.id().toString(), tenant.slug().value(), tenant.name());
        }
    }

    record InvitationView(String id, TenantRef tenant, String role, Instant invitedAt, Instant expiresAt) {
    }

    record Accepted(String id, String status, TenantRef tenant, String memberId, String role) {
    }

    private final StaffInvitations invitations;

    InvitationsController(StaffInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping
    List<InvitationView> open(@AuthenticationPrincipal Jwt token) {
        return invitations.openFor(caller(token).userId()).stream().map(open -> {
            Invitation invitation = open.invitation();
            return new InvitationView(invitation.id().toString(), TenantRef.of(open.tenant()),
                    invitation.role().name(), invitation.createdAt(), invitation.expiresAt());
        }).toList();
    }

    @PostMapping("/{id}/accept")
    Accepted accept(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        StaffInvitations.Joined joined = invitations.accept(caller(token).userId(), id);
        return new Accepted(id.toString(), "ACCEPTED", TenantRef.of(joined.tenant()), joined.member().id().toString(),
                joined.member().role().name());
    }

    @PostMapping("/{id}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> decline(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        invitations.decline(caller(token).userId(), id);
        return ResponseEntity.noContent().build();
    }

    private static Caller caller(Jwt token) {
        if (token == null) {
            throw new ForbiddenException("Invitations are answered by a signed-in account.");
        }
        return Caller.of(token);
    }
}
