package dev.atelier.portal.theme;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.theme.CssSanitizer;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.ImageUrls;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.WebProperties;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's storefront theme: any staff reads it, owners and managers set it; a preview answers what a theme would
 * look like (colours for text, the CSS as it would be kept) without keeping it.
 */
@RestController
class ThemeController {

    private final Themes themes;
    private final WebProperties web;
    private final StorefrontUrls storefronts;

    ThemeController(Themes themes, WebProperties web, StorefrontUrls storefronts) {
        this.themes = themes;
        this.web = web;
        this.storefronts = storefronts;
    }

    /**
     * A theme being edited, shown on the chain's own home page at {@code url} until {@code expiresAt}; what was taken
     * out of its custom CSS.
     */
    record SitePreview(String id, String url, Instant expiresAt, List<String> removedFromCss) {
    }

    /** A theme as sent: every field required but the optional images, tagline and CSS. */
    record ThemeRequest(@NotBlank @Size(max = 120) String brandName, @Size(max = 500) String logoUrl,
            @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String primaryColour,
            @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String accentColour, @NotNull Theme.Font font,
            @NotNull @Min(0) @Max(Theme.MAX_CORNER_RADIUS) Integer cornerRadius, @Size(max = 500) String heroImageUrl,
            @Size(max = Theme.MAX_TAGLINE) String tagline, @NotNull Theme.Layout layout,
            @NotNull @Valid SectionsRequest sections, @Size(max = CssSanitizer.MAX_LENGTH) String customCss) {

        record SectionsRequest(boolean services, boolean stylists, boolean locations) {
        }
    }

    /**
     * A theme as kept, with the text colours chosen for contrast on its brand colours and what was taken out of the
     * custom CSS (empty when nothing was).
     */
    record ThemeView(Theme theme, String textOnPrimary, String textOnAccent, List<String> removedFromCss) {

        static ThemeView of(Theme theme, List<String> removed) {
            return new ThemeView(theme, theme.textOnPrimary(), theme.textOnAccent(), removed);
        }
    }

    @GetMapping("/api/v1/theme")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public ThemeView get(StaffMember caller) {
        return ThemeView.of(themes.current(), List.of());
    }

    @PutMapping("/api/v1/theme")
    @StaffRoles({OWNER, MANAGER})
    public ThemeView set(StaffMember caller, @Valid @RequestBody ThemeRequest request) {
        return ThemeView.of(themes.set(theme(request, web.localMode())),
                CssSanitizer.sanitize(request.customCss()).removed());
    }

    @PostMapping("/api/v1/theme/preview")
    @StaffRoles({OWNER, MANAGER})
    public ThemeView preview(StaffMember caller, @Valid @RequestBody ThemeRequest request) {
        return ThemeView.of(theme(request, web.localMode()), CssSanitizer.sanitize(request.customCss()).removed());
    }

    /**
     * Keeps the theme being edited for an hour and answers where the chain's home page shows in it (the address the
     * editor frames). Its id is its content's digest: the same theme sent again is the same preview, so a retry
     * creates nothing more and needs no idempotency key.
     */
    @PostMapping("/api/v1/theme/previews")
    @StaffRoles({OWNER, MANAGER})
    public ResponseEntity<SitePreview> previewOnSite(StaffMember caller, @Valid @RequestBody ThemeRequest request) {
        Theme theme = theme(request, web.localMode());
        Themes.Preview preview = themes.preview(theme);
        String url = storefronts.canonicalOf(TenantContext.require()) + "/?preview=" + preview.id();
        return ResponseEntity.created(URI.create(url)).body(new SitePreview(preview.id().toString(), url,
                preview.expiresAt(), CssSanitizer.sanitize(request.customCss()).removed()));
    }

    /** The theme as sent; outside local mode its logo must be https (the hero image always is). */
    private static Theme theme(ThemeRequest request, boolean localMode) {
        ImageUrls.problemWith(request.logoUrl(), localMode).ifPresent(problem -> {
            throw new InvalidRequestException(List.of(new FieldError("logoUrl", "the logo " + problem)));
        });
        try {
            return new Theme(request.brandName(), request.logoUrl(), request.primaryColour(), request.accentColour(),
                    request.font(), request.cornerRadius(), request.heroImageUrl(), request.tagline(),
                    request.layout(), new Theme.Sections(request.sections().services(), request.sections().stylists(),
                            request.sections().locations()),
                    request.customCss());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError(fieldOf(e.getMessage()), e.getMessage())));
        }
    }

    /** The field a theme's own check speaks of. */
    private static String fieldOf(String message) {
        if (message.contains("logo")) {
            return "logoUrl";
        }
        if (message.contains("hero")) {
            return "heroImageUrl";
        }
        return message.contains("name") ? "brandName" : "theme";
    }
}
