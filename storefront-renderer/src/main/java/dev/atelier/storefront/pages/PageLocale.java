package dev.atelier.storefront.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page is shown in: the visitor's own choice (the switch, remembered in a cookie), else the first of
 * their browser's languages the pages speak, else the chain's default. The pages speak English and Chinese; in the
 * chain's own language they use its variant (en-GB dates and prices for a London chain).
 */
final class PageLocale {

    static final String COOKIE = "lang";
    private static final List<Locale> SPOKEN = List.of(Locale.forLanguageTag("en"), Locale.forLanguageTag("zh-CN"));

    private PageLocale() {
    }

    static Locale choose(String switchTo, HttpServletRequest request, HttpServletResponse response,
            Locale chainDefault) {
        Locale language = language(switchTo, request, response, chainDefault);
        // the chain's own variant of that language writes its dates and prices (en-GB for a London chain)
        return language.getLanguage().equals(chainDefault.getLanguage()) && !chainDefault.getCountry().isEmpty()
                ? chainDefault
                : language;
    }

    private static Locale language(String switchTo, HttpServletRequest request, HttpServletResponse response,
            Locale chainDefault) {
        Optional<Locale> chosen = spoken(switchTo);
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(COOKIE, chosen.get().toLanguageTag());
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return chosen.get();
        }
        Optional<Locale> remembered = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> cookie.getName().equals(COOKIE)).findFirst()
                .flatMap(cookie -> spoken(cookie.getValue()));
        if (remembered.isPresent()) {
            return remembered.get();
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : java.util.Collections.list(request.getLocales())) {
                Optional<Locale> match = spoken(wanted.toLanguageTag());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        return spoken(chainDefault.toLanguageTag()).orElse(SPOKEN.getFirst());
    }

    /** The spoken language {@code tag} asks for (by its language), if the pages speak it. */
    private static Optional<Locale> spoken(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SPOKEN.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }
}
