package dev.atelier.platform.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Time off of the current tenant's staff. */
public interface TimeOffRepository extends ListCrudRepository<TimeOff, UUID> {

    /** Time off of {@code staffIds} that overlaps {@code [from, to)}. */
    @Query("select t from TimeOff t where t.staffId in :staffIds and t.startsAt < :to and t.endsAt > :from")
    List<TimeOff> overlapping(Collection<UUID> staffIds, Instant from, Instant to);

    List<TimeOff> findByStaffIdOrderByStartsAt(UUID staffId);
}
