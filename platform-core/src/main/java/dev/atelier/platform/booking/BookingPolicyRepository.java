package dev.atelier.platform.booking;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The current tenant's booking policy (the one row every tenant schema is made with). */
public interface BookingPolicyRepository extends Repository<BookingPolicy, Short> {

    Optional<BookingPolicy> findById(Short id);

    BookingPolicy save(BookingPolicy policy);

    /** The policy; every tenant schema has it from its first migration. */
    default BookingPolicy require() {
        return findById(BookingPolicy.ID).orElseThrow(() -> new IllegalStateException("no booking policy row"));
    }
}
