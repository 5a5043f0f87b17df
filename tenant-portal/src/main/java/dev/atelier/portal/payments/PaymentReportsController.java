package dev.atelier.portal.payments;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.reports.Figures;
import dev.atelier.platform.payments.reports.PaymentListQuery;
import dev.atelier.platform.payments.reports.PaymentPage;
import dev.atelier.platform.payments.reports.PaymentReports;
import dev.atelier.platform.payments.reports.PaymentRow;
import dev.atelier.platform.payments.reports.ReportLocation;
import dev.atelier.platform.payments.reports.ReportPeriod;
import dev.atelier.platform.payments.reports.SettlementCsv;
import dev.atelier.platform.payments.reports.SettlementDay;
import dev.atelier.platform.payments.reports.SettlementFold;
import dev.atelier.platform.payments.reports.SettlementLine;
import dev.atelier.platform.payments.reports.SettlementTotal;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's money for owners and managers: {@code GET /api/v1/payments} lists payments newest first
 * ({@code from}, {@code to} local dates at each payment's location, {@code locationId}, {@code method},
 * {@code status}, {@code page} from 0, {@code size} up to 200); {@code GET /api/v1/settlements?from=&to=&locationId=}
 * settles each location's business days from the journal, as JSON or ({@code /api/v1/settlements.csv}, or
 * {@code Accept: text/csv}) as CSV written row by row as the journal is read.
 */
@RestController
class PaymentReportsController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final PaymentReports reports;

    PaymentReportsController(PaymentReports reports) {
        this.reports = reports;
    }

    record Amount(String amount, String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount().toPlainString(), money.currency().getCurrencyCode());
        }

        static Amount of(Figures figures, long minorUnits) {
            return new Amount(SettlementCsv.amount(figures, minorUnits), figures.currency().getCurrencyCode());
        }
    }

    record Place(String id, String name) {
    }

    record PaymentView(String id, String bookingId, Place location, String method, String tender, String status,
            Amount amount, Amount refunded, Instant createdAt, Instant paidAt, String providerReference) {

        static PaymentView of(PaymentRow row) {
            return new PaymentView(row.id().toString(), row.bookingId().toString(),
                    new Place(row.locationId().toString(), row.locationName()), row.method().id(),
                    row.tender().orElse(null), row.status().name(), Amount.of(row.amount()), Amount.of(row.refunded()),
                    row.createdAt(), row.paidAt().orElse(null), row.providerReference().orElse(null));
        }
    }

    record PaymentsView(int page, int size, long total, List<PaymentView> payments) {
    }

    record MethodView(String method, long payments, Amount charges, Amount refunds, Amount feesKept,
            Amount commission, Amount net) {

        static MethodView of(String method, Figures figures) {
            return new MethodView(method, figures.payments(), Amount.of(figures, figures.charges()),
                    Amount.of(figures, figures.refunds()), Amount.of(figures, figures.feesKept()),
                    Amount.of(figures, figures.commission()), Amount.of(figures, figures.net()));
        }

        static List<MethodView> of(Map<String, Figures> byMethod) {
            return byMethod.entrySet().stream().map(entry -> of(entry.getKey(), entry.getValue())).toList();
        }
    }

    record DayView(String locationId, String locationName, String timezone, String date, String currency,
            long payments, Amount charges, Amount refunds, Amount feesKept, Amount commission, Amount net,
            List<MethodView> byMethod) {

        static DayView of(SettlementDay day) {
            MethodView all = MethodView.of(SettlementCsv.ALL_METHODS, day.all());
            return new DayView(day.locationId().toString(), day.locationName(), day.timezone(),
                    day.date().toString(), day.currency().getCurrencyCode(), all.payments(), all.charges(),
                    all.refunds(), all.feesKept(), all.commission(), all.net(), MethodView.of(day.byMethod()));
        }
    }

    record TotalView(String currency, long payments, Amount charges, Amount refunds, Amount feesKept,
            Amount commission, Amount net, List<MethodView> byMethod) {

        static TotalView of(SettlementTotal total) {
            MethodView all = MethodView.of(SettlementCsv.ALL_METHODS, total.all());
            return new TotalView(total.currency().getCurrencyCode(), all.payments(), all.charges(), all.refunds(),
                    all.feesKept(), all.commission(), all.net(), MethodView.of(total.byMethod()));
        }
    }

    record SettlementView(String from, String to, List<DayView> days, List<TotalView> totals) {
    }

    @GetMapping("/api/v1/payments")
    @StaffRoles({OWNER, MANAGER})
    PaymentsView payments(StaffMember caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String locationId,
            @RequestParam(required = false) String method, @RequestParam(required = false) String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        PaymentPage found = reports.payments(PaymentListQuery.parse(from, to, locationId, method, status, page, size));
        return new PaymentsView(found.page(), found.size(), found.total(),
                found.payments().stream().map(PaymentView::of).toList());
    }

    /** JSON, or CSV when the request prefers {@code text/csv} (then written to the response, and nothing returned). */
    @GetMapping("/api/v1/settlements")
    @StaffRoles({OWNER, MANAGER})
    @ApiResponse(responseCode = "200", description = "The settlement, as the Accept header prefers", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    SettlementView settlements(StaffMember caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String locationId,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response)
            throws IOException {
        ReportPeriod period = ReportPeriod.parse(from, to);
        if (prefersCsv(accept)) {
            csv(from, to, locationId, response);
            return null;
        }
        List<DayView> days = new ArrayList<>();
        SettlementFold fold = new SettlementFold(day -> days.add(DayView.of(day)));
        reports.settlement(period, ReportLocation.parse(locationId), fold::accept);
        List<TotalView> totals = fold.finish().stream().map(TotalView::of).toList();
        return new SettlementView(period.from().toString(), period.to().toString(), days, totals);
    }

    @GetMapping("/api/v1/settlements.csv")
    @StaffRoles({OWNER, MANAGER})
    @ApiResponse(responseCode = "200", description = "The settlement as CSV", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    void settlementsCsv(StaffMember caller, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String locationId,
            HttpServletResponse response) throws IOException {
        csv(from, to, locationId, response);
    }

    /**
     * Writes the settlement to the response as the journal's sums are read (nothing is written, and a refusal can
     * still be answered as a problem, until the first row is ready).
     */
    private void csv(String from, String to, String locationId, HttpServletResponse response) throws IOException {
        ReportPeriod period = ReportPeriod.parse(from, to);
        Optional<UUID> location = ReportLocation.parse(locationId);
        CsvOut out = new CsvOut(response, "settlement-" + period.from() + "-" + period.to() + ".csv");
        SettlementFold fold = new SettlementFold(day -> SettlementCsv.rows(day).forEach(out));
        Consumer<SettlementLine> lines = fold::accept;
        reports.settlement(period, location, lines);
        fold.finish().forEach(total -> SettlementCsv.rows(total).forEach(out));
        out.close();
    }

    /** Whether the first kind the {@code Accept} header asks for that either answer fits is CSV rather than JSON. */
    private static boolean prefersCsv(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> asked = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(asked);
            asked.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            return asked.stream().filter(type -> type.isCompatibleWith(CSV)
                    || type.isCompatibleWith(MediaType.APPLICATION_JSON)).findFirst()
                    .map(type -> type.isCompatibleWith(CSV) && !type.isWildcardType()).orElse(false);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** The CSV response, begun (headers, header row) with its first row. */
    private static final class CsvOut implements Consumer<String> {

        private final HttpServletResponse response;
        private final String filename;
        private Writer writer;

        CsvOut(HttpServletResponse response, String filename) {
            this.response = response;
            this.filename = filename;
        }

        @Override
        public void accept(String row) {
            try {
                begin();
                writer.write(row);
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            begin();
            writer.flush();
        }

        private void begin() throws IOException {
            if (writer == null) {
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
                writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                writer.write(SettlementCsv.HEADER);
                writer.write("\r\n");
            }
        }
    }
}
