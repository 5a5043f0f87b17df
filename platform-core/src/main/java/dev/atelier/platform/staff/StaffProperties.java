package dev.atelier.platform.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Staff settings under {@code atelier.staff}: how long an invitation to join a chain stays open. */
@ConfigurationProperties("atelier.staff")
public record StaffProperties(@DefaultValue("7d") Duration invitationTtl) {

    public StaffProperties {
        if (invitationTtl.isNegative() || invitationTtl.isZero()) {
            throw new IllegalArgumentException("atelier.staff.invitation-ttl must be positive");
        }
    }
}
