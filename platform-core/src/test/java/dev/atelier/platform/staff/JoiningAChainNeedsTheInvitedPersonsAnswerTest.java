package dev.atelier.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.Membership.Status;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JoiningAChainNeedsTheInvitedPersonsAnswerTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final Instant EXPIRES = NOW.plus(Duration.ofDays(7));

    @Test
    void anInvitedPersonIsNotStaffUntilTheyAccept() {
        Membership member = Membership.invite("u1", "p@x.test", "Pat", StaffRole.STYLIST, NOW, EXPIRES);
        assertThat(member.isActive()).isFalse();
        assertThat(member.invitationExpiresAt()).isEqualTo(EXPIRES);

        member.accept(NOW.plusSeconds(60));
        assertThat(member.isActive()).isTrue();
        assertThat(member.invitationExpiresAt()).isNull();
    }

    @Test
    void theChainCannotEnableAnInvitationIntoAMembership() {
        Membership member = Membership.invite("u1", "p@x.test", "Pat", StaffRole.STYLIST, NOW, EXPIRES);
        assertThatThrownBy(() -> member.enable(NOW)).isInstanceOf(Membership.StepNotAllowedException.class);
        member.disable(NOW);
        assertThat(member.status()).isEqualTo(Status.WITHDRAWN);
        assertThatThrownBy(() -> member.enable(NOW)).isInstanceOf(Membership.StepNotAllowedException.class);
        assertThatThrownBy(() -> member.accept(NOW)).isInstanceOf(Membership.StepNotAllowedException.class);
    }

    @Test
    void aLapsedInvitationCannotBeAcceptedButMayBeSentAgain() {
        Membership member = Membership.invite("u1", "p@x.test", "Pat", StaffRole.STYLIST, NOW, EXPIRES);
        assertThat(member.mayBeInvitedAgain(EXPIRES.minusSeconds(1))).isFalse();
        assertThat(member.invitationExpired(EXPIRES)).isTrue();
        assertThatThrownBy(() -> member.accept(EXPIRES)).isInstanceOf(Membership.StepNotAllowedException.class);

        member.reinvite("Pat", StaffRole.MANAGER, EXPIRES, EXPIRES.plus(Duration.ofDays(7)));
        assertThat(member.role()).isEqualTo(StaffRole.MANAGER);
        member.accept(EXPIRES.plusSeconds(1));
        assertThat(member.isActive()).isTrue();
    }

    @Test
    void declinedMembersMayBeAskedAgainButActiveOnesAreNot() {
        Membership member = Membership.invite("u1", "p@x.test", "Pat", StaffRole.STYLIST, NOW, EXPIRES);
        member.decline(NOW);
        assertThat(member.mayBeInvitedAgain(NOW)).isTrue();
        member.reinvite("Pat", StaffRole.STYLIST, NOW, EXPIRES);
        member.accept(NOW);
        assertThat(member.mayBeInvitedAgain(NOW)).isFalse();
        assertThatThrownBy(() -> member.reinvite("Pat", StaffRole.OWNER, NOW, EXPIRES))
                .isInstanceOf(Membership.StepNotAllowedException.class);
    }

    /** Over seeded random walks of steps, a membership becomes ACTIVE only by accepting or by re-enabling. */
    @Test
    void onlyTheInvitedPersonsAcceptanceOrAnEarlierMembershipLeadsToActive() {
        long seed = Long.getLong("steps.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int walk = 0; walk < 2_000; walk++) {
            Membership member = Membership.invite("u", "p@x.test", "Pat", StaffRole.STYLIST, NOW, EXPIRES);
            boolean everAccepted = false;
            for (int step = 0; step < 12; step++) {
                Status before = member.status();
                int choice = random.nextInt(5);
                try {
                    switch (choice) {
                        case 0 -> member.accept(NOW);
                        case 1 -> member.decline(NOW);
                        case 2 -> member.disable(NOW);
                        case 3 -> member.enable(NOW);
                        default -> member.reinvite("Pat", StaffRole.STYLIST, NOW, EXPIRES);
                    }
                } catch (Membership.StepNotAllowedException refused) {
                    assertThat(member.status()).as("seed %d: a refused step changes nothing", seed).isEqualTo(before);
                    continue;
                }
                if (choice == 0) {
                    everAccepted = true;
                }
                if (member.status() == Status.ACTIVE && before != Status.ACTIVE) {
                    assertThat(choice == 0 || (choice == 3 && everAccepted && before == Status.DISABLED))
                            .as("seed %d: %s became active by step %d", seed, before, choice).isTrue();
                }
            }
        }
    }

    @Test
    void everyStatusSaysWhatMayFollowIt() {
        for (Status from : Status.values()) {
            EnumSet<Status> next = EnumSet.noneOf(Status.class);
            for (Status to : Status.values()) {
                if (from.mayBecome(to)) {
                    next.add(to);
                }
            }
            assertThat(next).as("what may follow %s", from).isNotEmpty();
            assertThat(from != Status.INVITED && from != Status.DISABLED && next.contains(Status.ACTIVE))
                    .as("%s may not become active", from).isFalse();
        }
    }

    @Test
    void onlyTheInvitedAccountAnswersAnOpenInvitationInTime() {
        Invitation invitation = Invitation.pending(TenantId.random(), "u1", java.util.UUID.randomUUID(),
                StaffRole.STYLIST, NOW, EXPIRES);
        invitation.requireAnswerableBy("u1", NOW);
        assertThatThrownBy(() -> invitation.requireAnswerableBy("u2", NOW))
                .isInstanceOf(InvitationNotFoundException.class);
        assertThatThrownBy(() -> invitation.requireAnswerableBy("u1", EXPIRES))
                .isInstanceOf(InvitationExpiredException.class);
        Invitation answered = new Invitation(invitation.id(), invitation.tenantId(), "u1", invitation.memberId(),
                StaffRole.STYLIST, Invitation.Status.DECLINED, NOW, EXPIRES, NOW);
        assertThatThrownBy(() -> answered.requireAnswerableBy("u1", NOW))
                .isInstanceOf(InvitationAnsweredException.class);
    }
}
