package dev.atelier.storefront.pages;

import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.notifications.CustomerPreferences;
import dev.atelier.platform.notifications.model.Channel;
import dev.atelier.platform.notifications.model.Preferences;
import dev.atelier.platform.notifications.model.QuietHours;
import dev.atelier.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Notifications" for the customer signed in to this chain: the channels the chain may reach them by, promotions or
 * not, and quiet hours by their clock (the same choices as {@code /api/v1/me/preferences}). Saving is a POST with a
 * CSRF token, answered with a redirect back to the page.
 */
@Controller
class PreferencesPageController {

    static final String PATH = "/my/preferences";
    private static final LocalTime QUIET_FROM = LocalTime.of(21, 0);
    private static final LocalTime QUIET_TO = LocalTime.of(8, 0);

    private final PageFrame frame;
    private final CustomerProfiles profiles;
    private final CustomerPreferences preferences;

    PreferencesPageController(PageFrame frame, CustomerProfiles profiles, CustomerPreferences preferences) {
        this.frame = frame;
        this.profiles = profiles;
        this.preferences = preferences;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String lang, @RequestParam(required = false) String saved,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PageFrame.Site site = frame.site(lang, request, response);
        show(site, preferences.of(customer().id()), saved != null ? "saved" : null, null, model, request, response);
        return "my-preferences";
    }

    @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String save(@RequestParam(name = "channel", required = false) List<String> channels,
            @RequestParam(required = false) String marketing, @RequestParam(required = false) String quiet,
            @RequestParam(required = false) String quietFrom, @RequestParam(required = false) String quietTo,
            @RequestParam(required = false) String quietZone, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Customer customer = customer();
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        for (String channel : channels == null ? List.<String>of() : channels) {
            Optional<Channel> known = java.util.Arrays.stream(Channel.values())
                    .filter(c -> c.name().equalsIgnoreCase(channel)).findFirst();
            known.ifPresent(chosen::add);
        }
        Optional<QuietHours> hours = Optional.empty();
        if (quiet != null) {
            try {
                hours = Optional.of(new QuietHours(minute(quietFrom), minute(quietTo), ZoneId.of(String.valueOf(
                        quietZone))));
            } catch (DateTimeException | IllegalArgumentException | NullPointerException invalid) {
                PageFrame.Site site = frame.site(null, request, response);
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                show(site, new Preferences(chosen, marketing != null, Optional.empty()), null, "quietInvalid", model,
                        request, response);
                return "my-preferences";
            }
        }
        preferences.choose(customer.id(), new Preferences(chosen, marketing != null, hours));
        return "redirect:" + PATH + "?saved";
    }

    private static LocalTime minute(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no time");
        }
        try {
            return LocalTime.parse(value).withSecond(0).withNano(0);
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("not a time: " + value, unreadable);
        }
    }

    private void show(PageFrame.Site site, Preferences chosen, String notice, String problem, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        frame.show(site, PATH, model, request, response);
        Labels labels = site.labels();
        List<Map<String, Object>> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            String name = channel.name().toLowerCase(Locale.ROOT);
            channels.add(Map.of("value", name, "label", labels.text("channel-" + name), "checked",
                    chosen.allow(channel)));
        }
        String brand = String.valueOf(((Map<?, ?>) site.frame().get("brand")).get("name"));
        Optional<QuietHours> quiet = chosen.quietHours();
        Set<String> zones = new TreeSet<>();
        site.catalog().locations().stream().map(LocationView::timezone).forEach(zones::add);
        // the chain's own zones (where its salons are), the customer's choice, and UTC if there is nothing else
        quiet.ifPresent(hours -> zones.add(hours.zone().getId()));
        if (zones.isEmpty()) {
            zones.add("UTC");
        }
        String zone = quiet.map(hours -> hours.zone().getId()).orElse(site.catalog().locations().isEmpty()
                ? zones.iterator().next()
                : site.catalog().locations().getFirst().timezone());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("channels", channels);
        shown.put("marketing", chosen.marketing());
        shown.put("marketingLabel", labels.text("marketingLabel", brand));
        shown.put("quiet", quiet.isPresent());
        shown.put("quietFrom", format(quiet.map(QuietHours::from).orElse(QUIET_FROM)));
        shown.put("quietTo", format(quiet.map(QuietHours::to).orElse(QUIET_TO)));
        shown.put("zones", zones.stream().map(id -> Map.of("value", id, "selected", id.equals(zone))).toList());
        shown.put("none", chosen.channels().isEmpty());
        model.addAttribute("preferences", shown);
        model.addAttribute("notice", notice == null ? "" : labels.text(notice));
        model.addAttribute("problem", problem == null ? "" : labels.text(problem));
    }

    private static String format(LocalTime time) {
        return "%02d:%02d".formatted(time.getHour(), time.getMinute());
    }

    private Customer customer() {
        return profiles.profileOf(PageFrame.customer().orElseThrow(() -> new NotFoundException("customer"))
                .caller());
    }
}
