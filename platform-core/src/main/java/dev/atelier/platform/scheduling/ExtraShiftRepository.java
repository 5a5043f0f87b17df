package dev.atelier.platform.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** One-off working days of the current tenant's staff. */
public interface ExtraShiftRepository extends ListCrudRepository<ExtraShift, UUID> {

    List<ExtraShift> findByStaffIdAndDayBetweenOrderByDayAscStartMinuteAsc(UUID staffId, LocalDate from,
            LocalDate to);

    List<ExtraShift> findByStaffIdAndDay(UUID staffId, LocalDate day);

    Optional<ExtraShift> findByIdAndStaffId(UUID id, UUID staffId);
}
