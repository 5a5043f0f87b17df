package dev.atelier.portal.reports;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;

import dev.atelier.platform.payments.reports.ReportLocation;
import dev.atelier.platform.payments.reports.ReportPeriod;
import dev.atelier.platform.reports.BusinessReport;
import dev.atelier.platform.reports.BusinessReports;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's business reports for owners and managers ({@code GET /api/v1/reports/{report}?from=&to=&locationId=},
 * local dates, at most 366 days) as a table of named columns, and the same table as CSV
 * ({@code /api/v1/reports/{report}.csv}), written row by row as it is read.
 */
@RestController
class ReportsController {

    /** A report's table: its columns in order and its rows, each a value per column. */
    record ReportTable(String report, String from, String to, String locationId, List<String> columns,
            List<List<Object>> rows) {
    }

    private final BusinessReports reports;

    ReportsController(BusinessReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/{report}")
    @StaffRoles({OWNER, MANAGER})
    ReportTable report(StaffMember caller,
            @Parameter(schema = @Schema(allowableValues = {"revenue", "utilisation", "attendance", "rebooking",
                    "customers", "top-services", "staff", "visits"})) @PathVariable String report,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String locationId) {
        BusinessReport which = named(report);
        ReportPeriod period = ReportPeriod.parse(from, to);
        Optional<UUID> location = ReportLocation.parse(locationId);
        return new ReportTable(which.path(), period.from().toString(), period.to().toString(),
                location.map(UUID::toString).orElse(null), which.columns(), reports.rows(which, period, location));
    }

    @GetMapping("/api/v1/reports/{report}.csv")
    @StaffRoles({OWNER, MANAGER})
    @ApiResponse(responseCode = "200", description = "The report as CSV, a header of its columns first", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    void csv(StaffMember caller, @PathVariable String report, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String locationId,
            HttpServletResponse response) throws IOException {
        BusinessReport which = named(report);
        ReportPeriod period = ReportPeriod.parse(from, to);
        Optional<UUID> location = ReportLocation.parse(locationId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + which.path() + "-" + period.from() + "-"
                + period.to() + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(String.join(",", which.columns()));
        out.write("\r\n");
        reports.stream(which, period, location, row -> {
            try {
                out.write(row.stream().map(BusinessReports::csv).collect(Collectors.joining(",")));
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static BusinessReport named(String report) {
        return BusinessReport.of(report).orElseThrow(() -> new NotFoundException("report (one of "
                + Arrays.stream(BusinessReport.values()).map(BusinessReport::path).collect(Collectors.joining(", "))
                + ")"));
    }
}
