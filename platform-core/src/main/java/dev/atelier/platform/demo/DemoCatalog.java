package dev.atelier.platform.demo;

import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.catalog.ServiceCategory;
import dev.atelier.platform.catalog.ServiceCategoryRepository;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.scheduling.StaffShiftRepository;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.staff.NewStaffMember;
import dev.atelier.platform.staff.StaffAdministration;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo chain's menu, chairs and basins, weekly rota and three weeks of bookings, made once (when the chain has no
 * services yet) through the same code paths the product uses, so the local stack shows a working salon.
 */
@Component
class DemoCatalog {

    /** A service on a demo menu. */
    record Item(String category, String name, int minutes, String price, int processing, int bufferAfter,
            String resource) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final LocationRepository locations;
    private final SalonServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final MembershipRepository members;
    private final StaffAdministration staff;
    private final StaffShiftRepository shifts;
    private final CustomerProfiles profiles;
    private final AvailabilitySearch search;
    private final Bookings bookings;
    private final EntityManager entities;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoCatalog(LocationRepository locations, SalonServiceRepository services, ServiceCategoryRepository categories,
            MembershipRepository members, StaffAdministration staff, StaffShiftRepository shifts,
            CustomerProfiles profiles, AvailabilitySearch search, Bookings bookings, EntityManager entities,
            TransactionTemplate transactions, Clock clock) {
        this.locations = locations;
        this.services = services;
        this.categories = categories;
        this.members = members;
        this.staff = staff;
        this.shifts = shifts;
        this.profiles = profiles;
        this.search = search;
        this.bookings = bookings;
        this.entities = entities;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Fills {@code tenant} in unless it already has a menu; a failure is logged, never stops the portal. */
    void ensure(Tenant tenant, List<String> stylistNames, List<Item> menu, List<String> clientNames) {
        try {
            fill(tenant, stylistNames, menu, clientNames);
        } catch (RuntimeException e) {
            log.warn("demo tenant {}: catalog not seeded ({}); is its schema migrated? ./atelier migrate",
                    tenant.slug(), e.toString());
        }
    }

    private void fill(Tenant tenant, List<String> stylistNames, List<Item> menu, List<String> clientNames) {
        TenantContext.asTenant(tenant, () -> {
            if (services.count() > 0) {
                return;
            }
            String slug = tenant.slug().value();
            List<Location> salons = locations.findAllByOrderByName();
            List<UUID> stylists = stylists(slug, stylistNames, salons);
            Map<UUID, UUID> homeOf = new HashMap<>();
            for (Membership member : members.findByIdIn(stylists)) {
                homeOf.put(member.id(), member.locationIds().iterator().next());
            }
            List<UUID> menuIds = menu(tenant, menu, stylists);
            transactions.executeWithoutResult(status -> {
                for (Location salon : salons) {
                    for (int i = 1; i <= 6; i++) {
                        resource(salon.id(), "Chair " + i, "chair");
                    }
                    for (int i = 1; i <= 2; i++) {
                        resource(salon.id(), "Basin " + i, "basin");
                    }
                }
                for (UUID stylist : stylists) {
                    rota(stylist, homeOf.get(stylist));
                }
            });
            int booked = bookings(tenant, salons, menuIds, clientNames);
            log.info("demo tenant {}: {} services, {} stylists, rota, {} bookings", slug, menuIds.size(),
                    stylists.size(), booked);
        });
    }

    /** The chain's stylists {@code stylist1@<slug>.test}…, made where missing, one salon each in turn. */
    private List<UUID> stylists(String slug, List<String> names, List<Location> salons) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String email = "stylist" + (i + 1) + "@" + slug + ".test";
            String name = names.get(i);
            Location salon = salons.get(i % salons.size());
            ids.add(members.findByEmail(email).map(Membership::id).orElseGet(() -> staff.add(StaffRole.OWNER,
                    new NewStaffMember(name, email, StaffRole.STYLIST, Set.of(salon.id()), slug + "-staff-2026"))
                    .id()));
        }
        return ids;
    }

    private List<UUID> menu(Tenant tenant, List<Item> menu, List<UUID> stylists) {
        Instant now = clock.instant();
        Random random = new Random(tenant.slug().value().hashCode());
        return transactions.execute(status -> {
            Map<String, UUID> categoryIds = new HashMap<>();
            List<UUID> ids = new ArrayList<>();
            for (Item item : menu) {
                UUID category = categoryIds.computeIfAbsent(item.category(),
                        name -> categories.save(new ServiceCategory(name, categoryIds.size())).id());
                SalonService service = new SalonService(new SalonService.Definition(item.name(), category, null,
                        item.minutes(), item.processing() > 0 ? 20 : 0, item.processing(), 0, item.bufferAfter(),
                        new BigDecimal(item.price()), tenant.currency(), true,
                        item.resource() == null ? Set.of() : Set.of(item.resource())), now);
                for (UUID stylist : stylists) {
                    if (random.nextInt(3) > 0) {
                        service.perform(stylist, null, null, now);
                    }
                }
                ids.add(services.save(service).id());
            }
            return ids;
        });
    }

    private void resource(UUID location, String name, String type) {
        entities.createNativeQuery("insert into resource (id, location_id, name, type) values (:id, :loc, :n, :t)")
                .setParameter("id", UUID.randomUUID()).setParameter("loc", location).setParameter("n", name)
                .setParameter("t", type).executeUpdate();
    }

    /** Five days a week, early or late, with lunch. */
    private void rota(UUID stylist, UUID location) {
        int offset = Math.floorMod(stylist.hashCode(), 2) * 60;
        DayOfWeek dayOff = DayOfWeek.of(1 + Math.floorMod(stylist.hashCode(), 7));
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day == dayOff || day == dayOff.plus(1)) {
                continue;
            }
            shifts.save(new StaffShift(stylist, location, StaffShift.Kind.SHIFT, day, 9 * 60 + offset,
                    18 * 60 + offset, null, null));
            shifts.save(new StaffShift(stylist, location, StaffShift.Kind.BREAK, day, 13 * 60, 13 * 60 + 45, null,
                    null));
        }
    }

    /** About 150 bookings over the next three weeks, each at a time the availability search offers. */
    private int bookings(Tenant tenant, List<Location> salons, List<UUID> menu, List<String> clientNames) {
        Random random = new Random(tenant.slug().value().hashCode() * 31L);
        List<Customer> clients = new ArrayList<>();
        for (int i = 0; i < clientNames.size(); i++) {
            clients.add(profiles.profileOf(new Caller("demo-" + tenant.slug().value() + "-client-" + i, null, null,
                    clientNames.get(i), Set.of(), Set.of(Caller.CUSTOMER))));
        }
        Instant now = clock.instant();
        int booked = 0;
        for (int attempt = 0; attempt < 200 && booked < 150; attempt++) {
            Location salon = salons.get(random.nextInt(salons.size()));
            UUID service = menu.get(random.nextInt(menu.size()));
            LocalDate day = LocalDate.now(salon.timezone()).plusDays(1 + random.nextInt(21));
            try {
                AvailabilitySearch.Prepared prepared = search.prepare(new AvailabilityQuery(salon.id(),
                        List.of(service), null, day, day), now);
                List<AvailabilityEngine.Slot> slots = prepared.engine().slots(prepared.visit(), day, day, now);
                if (slots.isEmpty()) {
                    continue;
                }
                AvailabilityEngine.Slot slot = slots.get(random.nextInt(slots.size()));
                bookings.create(clients.get(random.nextInt(clients.size())), "demo-" + attempt,
                        new BookingRequest(salon.id(), slot.start(), List.of(new BookingRequest.Item(service,
                                slot.assignments().getFirst().staffId())), null));
                booked++;
            } catch (RuntimeException refused) {
                log.debug("demo booking {} not made: {}", attempt, refused.toString());
            }
        }
        return booked;
    }
}
