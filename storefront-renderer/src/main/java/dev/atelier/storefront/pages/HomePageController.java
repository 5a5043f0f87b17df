package dev.atelier.storefront.pages;

import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.storefront.catalog.CatalogView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain's home page, server-rendered in its theme: brand, tagline, and the sections it shows (services and
 * prices, locations with hours and a map link, stylists). Works without JavaScript; every tenant text is escaped by
 * the template's HTML output format, and the page's only inline style carries a per-response nonce that the
 * Content-Security-Policy names. What a page shows is kept per chain and language while the chain's content version
 * (its calendar and theme; see {@link Themes#contentVersion()}) and its canonical address (its verified custom
 * domain, if any; see {@link dev.atelier.platform.tenancy.StorefrontUrls#canonicalOf}) stand, so a visit costs one small read.
 */
@Controller
class HomePageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PageFrame frame;
    private final PageSecurity security;
    private final Themes themes;

    HomePageController(PageFrame frame, PageSecurity security, Themes themes) {
        this.frame = frame;
        this.security = security;
        this.themes = themes;
    }

    /**
     * The home page; {@code ?preview=<id>} shows it in a theme being edited (kept by the back office for an hour), for
     * the back office's editor to frame — an unknown or lapsed preview is 404.
     */
    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(@RequestParam(required = false) String lang, @RequestParam(required = false) String preview,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        if (preview != null) {
            Theme draft = previewId(preview).flatMap(themes::previewed)
                    .orElseThrow(() -> new NotFoundException("preview"));
            model.addAllAttributes(content(frame.preview(lang, request, response, draft)));
            model.addAttribute("preview", true);
            model.addAttribute("nonce", security.protectPreview(response));
        } else {
            model.addAllAttributes(content(lang, request, response));
            model.addAttribute("nonce", security.protect(response));
        }
        model.addAttribute("account", PageFrame.account(request));
        PageFrame.languageLinks(model, request, (String) model.getAttribute("canonical"),
                (String) ((Map<?, ?>) model.getAttribute("otherLanguage")).get("tag"));
        return "home";
    }

    /** One salon's page: where, when, what is done there and by whom; another chain's or no salon is 404. */
    @GetMapping(value = "/locations/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String location(@PathVariable String id, @RequestParam(required = false) String lang,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        Map<String, Object> content = content(lang, request, response);
        @SuppressWarnings("unchecked")
        Map<String, Object> location = ((List<Map<String, Object>>) content.get("locations")).stream()
                .filter(candidate -> candidate.get("id").equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("salon"));
        model.addAllAttributes(content);
        model.addAttribute("location", location);
        model.addAttribute("canonical", location.get("url"));
        model.addAttribute("nonce", security.protect(response));
        model.addAttribute("account", PageFrame.account(request));
        PageFrame.languageLinks(model, request, (String) location.get("url"),
                (String) ((Map<?, ?>) model.getAttribute("otherLanguage")).get("tag"));
        return "location";
    }

    private static Optional<UUID> previewId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The content for the visitor's language, kept with the chain's site until its content changes. */
    private Map<String, Object> content(String lang, HttpServletRequest request, HttpServletResponse response) {
        PageFrame.Site site = frame.site(lang, request, response);
        return site.keep("home", () -> content(site));
    }

    /** What the page shows, the same for every visitor while the chain's site (content, language, address) stands. */
    private static Map<String, Object> content(PageFrame.Site site) {
        Theme theme = site.theme();
        CatalogView offer = site.catalog();
        Map<String, Object> model = new LinkedHashMap<>(site.frame());
        model.put("canonical", site.home());
        List<LocationPage> locations = locations(theme, offer, site.labels(), site.locale(), site.home());
        model.put("structuredData", structuredData(locations.stream().map(LocationPage::salon).toList()));
        model.put("description", theme.tagline() != null
                ? theme.tagline()
                : site.labels().text("description", theme.brandName()));
        model.put("services", services(offer.services(), site.locale()));
        model.put("locations", locations.stream().map(LocationPage::view).toList());
        model.put("stylists", offer.staff().stream().map(CatalogView.StaffView::name).toList());
        return java.util.Collections.unmodifiableMap(model);
    }

    /**
     * schema.org data for search engines: the chain's salons (HairSalon with address, geo and hours) and its services
     * with their prices (Offer). Written as JSON with every {@code <} escaped, so no text can close its element.
     */
    private static String structuredData(List<Map<String, Object>> salons) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@graph", salons);
        return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    /** One salon as schema.org describes it, with what it offers. */
    private static Map<String, Object> salon(Theme theme, LocationView location, List<CatalogView.ServiceView> offered,
            String url) {
        Map<String, Object> salon = new LinkedHashMap<>();
        salon.put("@type", "HairSalon");
        salon.put("name", theme.brandName() + " " + location.name());
        salon.put("url", url);
        if (location.phone() != null) {
            salon.put("telephone", location.phone());
        }
        salon.put("address", Map.of("@type", "PostalAddress", "streetAddress", nonNull(location.address().line1()),
                "addressLocality", nonNull(location.address().city()), "postalCode",
                nonNull(location.address().postalCode()), "addressCountry", nonNull(location.address().country())));
        salon.put("geo", Map.of("@type", "GeoCoordinates", "latitude", location.latitude(), "longitude",
                location.longitude()));
        salon.put("openingHoursSpecification", location.openingHours().stream()
                .map(hours -> Map.of("@type", "OpeningHoursSpecification", "dayOfWeek", "https://schema.org/"
                        + hours.day().charAt(0) + hours.day().substring(1).toLowerCase(Locale.ROOT), "opens",
                        hours.opens(), "closes", hours.closes()))
                .toList());
        salon.put("makesOffer", offered.stream()
                .map(service -> Map.of("@type", "Offer", "price", service.price().amount().toPlainString(),
                        "priceCurrency", service.price().currency(), "itemOffered",
                        Map.of("@type", "Service", "name", service.name())))
                .toList());
        return salon;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The theme as the template uses it: every value already checked (colours, font stacks, sanitised CSS). */
    static Map<String, Object> brand(Theme theme) {
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

    private static List<Map<String, Object>> services(List<CatalogView.ServiceView> offered, Locale locale) {
        return offered.stream().map(service -> Map.<String, Object>of("name", service.name(), "category",
                service.category() == null ? "" : service.category(), "minutes", service.durationMinutes(), "price",
                PageFormats.money(service.price().amount(), service.price().currency(), locale))).toList();
    }

    /** A salon's page content, and the schema.org salon the home page lists too. */
    private record LocationPage(Map<String, Object> view, Map<String, Object> salon) {
    }

    private static List<LocationPage> locations(Theme theme, CatalogView offer, Labels labels, Locale locale,
            String home) {
        List<LocationPage> locations = new ArrayList<>();
        for (LocationView location : offer.locations()) {
            List<String> hours = location.openingHours().stream()
                    .map(h -> labels.day(h.day()) + " " + h.opens() + "–" + h.closes()).toList();
            String address = PageFormats.address(location);
            List<CatalogView.StaffView> here = offer.stylistsAt(location.id());
            List<CatalogView.ServiceView> offered = offer.servicesAt(location.id());
            String url = home + "/locations/" + location.id();
            Map<String, Object> salon = salon(theme, location, offered, url);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("id", location.id());
            page.put("name", location.name());
            page.put("address", address);
            page.put("phone", location.phone() == null ? "" : location.phone());
            page.put("hours", hours);
            page.put("map", "https://www.openstreetmap.org/?mlat=" + location.latitude() + "&mlon="
                    + location.longitude() + "#map=17/" + location.latitude() + "/" + location.longitude());
            page.put("url", url);
            page.put("services", services(offered, locale));
            page.put("stylists", here.stream().map(CatalogView.StaffView::name).toList());
            page.put("structuredData", structuredData(List.of(salon)));
            locations.add(new LocationPage(page, salon));
        }
        return locations;
    }
}
