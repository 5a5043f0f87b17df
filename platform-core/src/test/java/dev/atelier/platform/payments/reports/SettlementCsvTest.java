package dev.atelier.platform.payments.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.payments.ledger.EntryKind;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The settlement's CSV rows: decimal amounts in the currency's own decimals, text fields quoted and defused. */
class SettlementCsvTest {

    @Test
    void aDayIsItsAllRowThenOneRowPerMethod() {
        Currency jpy = Currency.getInstance("JPY");
        Figures card = Figures.none(jpy).with(EntryKind.CHARGE, 5_000, 1).with(EntryKind.COMMISSION, 75, 0);
        Figures salon = Figures.none(jpy).with(EntryKind.PAID_AT_SALON, 3_000, 1);
        UUID id = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
        SettlementDay day = new SettlementDay(id, "Ginza, \"main\"", "Asia/Tokyo", LocalDate.of(2026, 6, 15),
                card.plus(salon), Map.of("card", card, "at-salon", salon));
        assertThat(SettlementCsv.rows(day)).containsExactly(
                "2026-06-15," + id + ",\"Ginza, \"\"main\"\"\",Asia/Tokyo,JPY,all,2,8000,0,0,75,7925",
                "2026-06-15," + id + ",\"Ginza, \"\"main\"\"\",Asia/Tokyo,JPY,at-salon,1,3000,0,0,0,3000",
                "2026-06-15," + id + ",\"Ginza, \"\"main\"\"\",Asia/Tokyo,JPY,card,1,5000,0,0,75,4925");
        assertThat(SettlementCsv.rows(new SettlementTotal(card, Map.of("card", card))))
                .containsExactly(",,,,JPY,all,1,5000,0,0,75,4925", ",,,,JPY,card,1,5000,0,0,75,4925");
        assertThat(SettlementCsv.HEADER.split(","))
                .hasSize(SettlementCsv.rows(day).getFirst().split(",", -1).length - 1);
    }

    @Test
    void amountsKeepTheCurrencysDecimals() {
        Figures gbp = Figures.none(Currency.getInstance("GBP")).with(EntryKind.CHARGE, 1_005, 1);
        Figures kwd = Figures.none(Currency.getInstance("KWD")).with(EntryKind.CHARGE, 1_005, 1);
        assertThat(SettlementCsv.amount(gbp, gbp.charges())).isEqualTo("10.05");
        assertThat(SettlementCsv.amount(kwd, kwd.charges())).isEqualTo("1.005");
    }

    @Test
    void aNameThatLooksLikeAFormulaIsNotOne() {
        assertThat(List.of("=SUM(A1)", "+1", "-2", "@x", "Plain")).extracting(SettlementCsv::field)
                .containsExactly("'=SUM(A1)", "'+1", "'-2", "'@x", "Plain");
    }
}
