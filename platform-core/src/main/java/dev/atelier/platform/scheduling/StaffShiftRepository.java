package dev.atelier.platform.scheduling;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Weekly shifts and breaks of the current tenant's staff. */
public interface StaffShiftRepository extends ListCrudRepository<StaffShift, UUID> {

    List<StaffShift> findByStaffIdOrderByDayAscStartMinuteAsc(UUID staffId);

    List<StaffShift> findByLocationIdAndStaffIdIn(UUID locationId, Collection<UUID> staffIds);

    @Modifying
    @Query("delete from StaffShift s where s.staffId = :staffId and s.locationId = :locationId")
    void deleteByStaffIdAndLocationId(UUID staffId, UUID locationId);
}
