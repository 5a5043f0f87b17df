package dev.atelier.platform.payments.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.payments.ledger.EntryKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Settling days from the journal's sums: what the chain nets, each day handed on once with every method's share, and
 * (seeded, over random journals) the days and the totals adding up to exactly what the lines say, whatever they are.
 */
class SettlementFoldTest {

    static final Currency GBP = Currency.getInstance("GBP");
    static final Currency CNY = Currency.getInstance("CNY");
    static final UUID SOHO = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID JINGAN = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void aDayNetsWhatWasTakenLessRefundsAndCommissionAndKeepsFeesApart() {
        List<SettlementDay> days = new ArrayList<>();
        SettlementFold fold = new SettlementFold(days::add);
        LocalDate day = LocalDate.of(2026, 6, 15);
        fold.accept(line(SOHO, day, GBP, "card", EntryKind.CHARGE, 10_000, 2));
        fold.accept(line(SOHO, day, GBP, "card", EntryKind.COMMISSION, 150, 2));
        fold.accept(line(SOHO, day, GBP, "card", EntryKind.REFUND, 2_500, 1));
        fold.accept(line(SOHO, day, GBP, "card", EntryKind.FORFEIT, 1_000, 1));
        fold.accept(line(SOHO, day, GBP, "at-salon", EntryKind.PAID_AT_SALON, 3_000, 1));
        fold.accept(line(SOHO, day, GBP, "card", EntryKind.EARNED, 4_000, 1));
        List<SettlementTotal> totals = fold.finish();

        assertThat(days).hasSize(1);
        Figures all = days.getFirst().all();
        assertThat(all).isEqualTo(new Figures(GBP, 3, 13_000, 2_500, 1_000, 150));
        assertThat(all.net()).isEqualTo(13_000 - 2_500 - 150);
        assertThat(days.getFirst().byMethod().keySet()).containsExactly("at-salon", "card");
        assertThat(days.getFirst().byMethod().get("card").net()).isEqualTo(10_000 - 2_500 - 150);
        assertThat(totals).singleElement().satisfies(total -> assertThat(total.all()).isEqualTo(all));
    }

    @Test
    void aDayThatGaveBackMoreThanItTookNetsBelowZero() {
        Figures refundsOnly = Figures.none(GBP).with(EntryKind.REFUND, 700, 1);
        assertThat(refundsOnly.net()).isEqualTo(-700);
        assertThat(SettlementCsv.amount(refundsOnly, refundsOnly.net())).isEqualTo("-7.00");
    }

    @Test
    void linesOfADayThatComeApartAreRefused() {
        SettlementFold fold = new SettlementFold(day -> {
        });
        LocalDate day = LocalDate.of(2026, 6, 15);
        fold.accept(line(SOHO, day, GBP, "card", EntryKind.CHARGE, 100, 1));
        fold.accept(line(JINGAN, day, CNY, "alipay", EntryKind.CHARGE, 100, 1));
        assertThatThrownBy(() -> fold.accept(line(SOHO, day, GBP, "card", EntryKind.REFUND, 50, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void daysAndTotalsAddUpToTheLinesForAnyJournal() {
        long seed = Long.getLong("settlement.seed", 20_261_203L);
        Random random = new Random(seed);
        String[] methods = {"card", "alipay", "wechatpay", "at-salon"};
        EntryKind[] kinds = EntryKind.values();
        for (int run = 0; run < 300; run++) {
            List<SettlementLine> lines = new ArrayList<>();
            int count = random.nextInt(60);
            for (int i = 0; i < count; i++) {
                lines.add(line(random.nextBoolean() ? SOHO : JINGAN, LocalDate.of(2026, 3, 1 + random.nextInt(5)),
                        random.nextBoolean() ? GBP : CNY, methods[random.nextInt(methods.length)],
                        kinds[random.nextInt(kinds.length)], 1 + random.nextInt(1_000_000), 1 + random.nextInt(4)));
            }
            lines.sort(Comparator.comparing((SettlementLine l) -> l.locationId()).thenComparing(SettlementLine::date)
                    .thenComparing(l -> l.currency().getCurrencyCode()));
            List<SettlementDay> days = new ArrayList<>();
            SettlementFold fold = new SettlementFold(days::add);
            lines.forEach(fold::accept);
            List<SettlementTotal> totals = fold.finish();

            Map<String, long[]> expected = new HashMap<>();
            for (SettlementLine line : lines) {
                long[] sums = expected.computeIfAbsent(line.currency().getCurrencyCode(), c -> new long[5]);
                int slot = switch (line.kind()) {
                    case CHARGE, PAID_AT_SALON -> 0;
                    case REFUND -> 1;
                    case FORFEIT -> 2;
                    case COMMISSION -> 3;
                    case EARNED -> -1;
                };
                if (slot >= 0) {
                    sums[slot] += line.minorUnits();
                    if (slot == 0) {
                        sums[4] += line.payments();
                    }
                }
            }
            assertThat(days).as("seed " + seed + " run " + run).doesNotHaveDuplicates()
                    .extracting(day -> day.locationId() + " " + day.date() + " " + day.currency())
                    .doesNotHaveDuplicates();
            assertThat(totals).as("seed " + seed + " run " + run).hasSize(expected.size());
            for (SettlementTotal total : totals) {
                long[] sums = expected.get(total.currency().getCurrencyCode());
                assertThat(total.all()).isEqualTo(new Figures(total.currency(), sums[4], sums[0], sums[1], sums[2],
                        sums[3]));
                assertThat(total.byMethod().values().stream().reduce(Figures.none(total.currency()), Figures::plus))
                        .as("the methods' shares add up to the whole").isEqualTo(total.all());
                assertThat(days.stream().filter(day -> day.currency().equals(total.currency()))
                        .map(SettlementDay::all).reduce(Figures.none(total.currency()), Figures::plus))
                        .as("the days add up to the total").isEqualTo(total.all());
            }
        }
    }

    static SettlementLine line(UUID location, LocalDate day, Currency currency, String method, EntryKind kind,
            long minorUnits, long payments) {
        return new SettlementLine(location, location.equals(SOHO) ? "Soho" : "Jing'an",
                location.equals(SOHO) ? "Europe/London" : "Asia/Shanghai", day, currency, method, kind, minorUnits,
                payments);
    }
}
