package dev.atelier.storefront;

import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.OpeningHours;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.scheduling.StaffShiftRepository;
import dev.atelier.platform.staff.NewStaffMember;
import dev.atelier.platform.staff.StaffAdministration;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.testing.Tenants;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds chains and their salons for storefront tests: a chain through the real signup, then its catalog and rota
 * in the current tenant (call those inside {@code TenantContext.asTenant}).
 */
@Component
public class SalonFixture {

    private final TenantSignup signup;
    private final LocationRepository locations;
    private final SalonServiceRepository services;
    private final StaffShiftRepository shifts;
    private final StaffAdministration staff;
    private final TransactionTemplate transactions;

    SalonFixture(TenantSignup signup, LocationRepository locations, SalonServiceRepository services,
            StaffShiftRepository shifts, StaffAdministration staff, TransactionTemplate transactions) {
        this.signup = signup;
        this.locations = locations;
        this.services = services;
        this.shifts = shifts;
        this.staff = staff;
        this.transactions = transactions;
    }

    /** A London chain {@code slug} signed up with owner {@code owner@<slug>.test}. */
    public Tenant chain(String slug) {
        return signup.signUp(Tenants.london(slug), new Account("owner@" + slug + ".test", "Owner",
                "a-long-password"));
    }

    /** A London location open every day from {@code opens} to {@code closes}. */
    public UUID location(String name, LocalTime opens, LocalTime closes) {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(new OpeningHours(day, opens, closes));
        }
        return transactions.execute(status -> locations.save(new Location(name, new Address("1 Dean St", "London",
                null, "W1", "GB"), 51.51, -0.13, ZoneId.of("Europe/London"), null, hours, Instant.now()))).id();
    }

    public UUID stylist(String email, UUID location) {
        return staff.add(StaffRole.OWNER, new NewStaffMember(email, email, StaffRole.STYLIST, Set.of(location),
                "a-long-password")).id();
    }

    public UUID service(String name, int minutes, int bufferAfter, boolean online, List<UUID> performers) {
        return transactions.execute(status -> {
            SalonService service = new SalonService(new SalonService.Definition(name, null, null, minutes, 0, 0, 0,
                    bufferAfter, new BigDecimal("30.00"), Currency.getInstance("GBP"), online, Set.of()),
                    Instant.now());
            performers.forEach(id -> service.perform(id, null, null, Instant.now()));
            return services.save(service).id();
        });
    }

    /** A weekly shift (or break) of {@code stylist} at {@code location}, in minutes after midnight. */
    public void weekly(UUID stylist, UUID location, StaffShift.Kind kind, DayOfWeek day, int start, int end) {
        transactions.executeWithoutResult(status -> shifts.save(new StaffShift(stylist, location, kind, day, start,
                end, null, null)));
    }
}
