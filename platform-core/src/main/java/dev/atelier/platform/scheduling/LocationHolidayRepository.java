package dev.atelier.platform.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Holidays of the current tenant's locations. */
public interface LocationHolidayRepository extends ListCrudRepository<LocationHoliday, LocationHoliday.Key> {

    List<LocationHoliday> findByLocationIdAndDayBetweenOrderByDayAsc(UUID locationId, LocalDate from, LocalDate to);
}
