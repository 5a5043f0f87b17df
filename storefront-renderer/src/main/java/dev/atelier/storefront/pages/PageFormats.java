package dev.atelier.storefront.pages;

import dev.atelier.platform.catalog.LocationView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Prices, days and times as the visitor's language writes them; times always in the salon's own zone. */
final class PageFormats {

    private PageFormats() {
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(Currency.getInstance(currency));
        return money.format(amount);
    }

    /** {@code 14:30} (or the locale's short time) at the salon. */
    static String time(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }

    /** A day for the day picker: {@code Wed 25 Nov} / {@code 11月25日 周三}. */
    static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern(locale.getLanguage().equals("zh") ? "M月d日 EEE" : "EEE d MMM", locale)
                .format(day);
    }

    /** A day in full: {@code Wednesday 25 November 2026} / {@code 2026年11月25日星期三}. */
    static String longDay(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day);
    }

    static String address(LocationView salon) {
        return Stream.of(salon.address().line1(), salon.address().city(), salon.address().postalCode())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }
}
