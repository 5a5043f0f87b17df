package dev.atelier.storefront.pages;

import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import dev.atelier.storefront.catalog.CatalogView;
import dev.atelier.storefront.catalog.StorefrontCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The chain's home page, server-rendered in its theme: brand, tagline, and the sections it shows (services and
 * prices, locations with hours and a map link, stylists). Works without JavaScript; every tenant text is escaped by
 * the template's HTML output format, and the page's only inline style carries a per-response nonce that the
 * Content-Security-Policy names.
 */
@Controller
class HomePageController {

    private final StorefrontCatalog catalog;
    private final Themes themes;
    private final PageSecurity security;

    HomePageController(StorefrontCatalog catalog, Themes themes, PageSecurity security) {
        this.catalog = catalog;
        this.themes = themes;
        this.security = security;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Model model, HttpServletResponse response) {
        Tenant tenant = TenantContext.require();
        Theme theme = themes.current();
        CatalogView offer = catalog.current();
        Labels labels = Labels.of(tenant.locale());
        model.addAttribute("nonce", security.protect(response));
        model.addAttribute("lang", tenant.locale().toLanguageTag());
        model.addAttribute("labels", labels.texts());
        model.addAttribute("brand", brand(theme));
        model.addAttribute("description", theme.tagline() != null
                ? theme.tagline()
                : labels.texts().get("description").formatted(theme.brandName()));
        model.addAttribute("services", services(offer, tenant.locale()));
        model.addAttribute("locations", locations(offer, labels));
        model.addAttribute("stylists", offer.staff().stream().map(CatalogView.StaffView::name).toList());
        return "home";
    }

    /** The theme as the template uses it: every value already checked (colours, font stacks, sanitised CSS). */
    private static Map<String, Object> brand(Theme theme) {
        Map<String, Object> brand = new LinkedHashMap<>();
        brand.put("name", theme.brandName());
        brand.put("logo", theme.logoUrl() == null ? "" : theme.logoUrl());
        brand.put("hero", theme.heroImageUrl() == null ? "" : theme.heroImageUrl());
        brand.put("tagline", theme.tagline() == null ? "" : theme.tagline());
        brand.put("primary", theme.primaryColour());
        brand.put("onPrimary", theme.textOnPrimary());
        brand.put("accent", theme.accentColour());
        brand.put("onAccent", theme.textOnAccent());
        brand.put("radius", theme.cornerRadius());
        brand.put("font", theme.font().stack());
        brand.put("layout", theme.layout().name().toLowerCase(Locale.ROOT));
        brand.put("css", theme.customCss());
        brand.put("showServices", theme.sections().services());
        brand.put("showStylists", theme.sections().stylists());
        brand.put("showLocations", theme.sections().locations());
        return brand;
    }

    private static List<Map<String, Object>> services(CatalogView offer, Locale locale) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (CatalogView.ServiceView service : offer.services()) {
            NumberFormat money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(Currency.getInstance(service.price().currency()));
            services.add(Map.of("name", service.name(), "category", service.category() == null
                    ? ""
                    : service.category(), "minutes", service.durationMinutes(), "price",
                    money.format(service.price().amount())));
        }
        return services;
    }

    private static List<Map<String, Object>> locations(CatalogView offer, Labels labels) {
        List<Map<String, Object>> locations = new ArrayList<>();
        for (LocationView location : offer.locations()) {
            List<String> hours = location.openingHours().stream()
                    .map(h -> labels.day(h.day()) + " " + h.opens() + "–" + h.closes()).toList();
            String address = String.join(", ", java.util.stream.Stream.of(location.address().line1(),
                    location.address().city(), location.address().postalCode())
                    .filter(part -> part != null && !part.isBlank()).toList());
            locations.add(Map.of("name", location.name(), "address", address, "phone",
                    location.phone() == null ? "" : location.phone(), "hours", hours, "map",
                    "https://www.openstreetmap.org/?mlat=" + location.latitude() + "&mlon=" + location.longitude()
                            + "#map=17/" + location.latitude() + "/" + location.longitude()));
        }
        return locations;
    }
}
