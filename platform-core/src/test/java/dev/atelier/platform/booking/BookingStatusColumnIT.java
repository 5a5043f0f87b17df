package dev.atelier.platform.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.TestPlatformApplication;
import dev.atelier.platform.booking.model.BookingSource;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The model's status and source names are what a tenant schema stores: the columns' checks admit exactly them and
 * the columns are wide enough.
 */
@SpringBootTest(classes = TestPlatformApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingStatusColumnIT {

    static final TestCells CELLS = TestCells.create("booking_status_column");
    static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
    }

    @Autowired
    TenantProvisioning provisioning;

    Tenant salon;

    @BeforeAll
    void salon() throws Exception {
        salon = provisioning.create(Tenants.london("status-column"));
    }

    @Test
    void theStatusColumnAdmitsEveryStoredStatusAndNothingElse() throws Exception {
        Set<String> stored = Arrays.stream(BookingStatus.values()).map(BookingStatus::name)
                .collect(Collectors.toSet());
        assertThat(admitted("status")).isEqualTo(stored);
        assertThat(stored).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(width("status")));
    }

    @Test
    void theSourceColumnAdmitsEverySourceAndNothingElse() throws Exception {
        Set<String> sources = Arrays.stream(BookingSource.values()).map(BookingSource::name)
                .collect(Collectors.toSet());
        assertThat(admitted("source")).isEqualTo(sources);
        assertThat(sources).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(width("source")));
    }

    /** The values the check on {@code column} of {@code booking} lists. */
    Set<String> admitted(String column) throws Exception {
        List<String> definitions = CELLS.column(salon, """
                select pg_get_constraintdef(c.oid) from pg_constraint c
                 where c.conrelid = 'booking'::regclass and c.contype = 'c' and c.conname = 'booking_%s_check'"""
                .formatted(column));
        assertThat(definitions).hasSize(1);
        Matcher values = QUOTED.matcher(definitions.getFirst());
        return values.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    int width(String column) throws Exception {
        return Integer.parseInt(CELLS.column(salon, """
                select character_maximum_length from information_schema.columns
                 where table_schema = current_schema() and table_name = 'booking' and column_name = '%s'"""
                .formatted(column)).getFirst());
    }
}
