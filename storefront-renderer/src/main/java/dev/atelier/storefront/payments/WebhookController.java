package dev.atelier.storefront.payments;

import dev.atelier.platform.payments.NoticeIntake;
import dev.atelier.platform.payments.gateway.RawNotice;
import dev.atelier.platform.payments.model.Provider;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.storefront.tenancy.HostTenantResolver;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers' notices, on the platform's own host only: {@code POST /webhooks/stripe|alipay|wechatpay}, the body
 * taken as the bytes that arrived (signatures are over them). A notice that does not verify is 400 and changes
 * nothing; a genuine one is acknowledged the way its provider expects, once taken or if already taken before.
 */
@RestController
class WebhookController {

    private final NoticeIntake intake;
    private final HostTenantResolver hosts;

    WebhookController(NoticeIntake intake, HostTenantResolver hosts) {
        this.intake = intake;
        this.hosts = hosts;
    }

    @PostMapping(path = "/webhooks/{provider}", consumes = MediaType.ALL_VALUE)
    @ApiResponse(responseCode = "200", description = "An Alipay notice taken, answered as Alipay expects", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string", allowableValues = "success"))})
    @ApiResponse(responseCode = "204", description = "A Stripe or WeChat Pay notice taken", content = @Content)
    @Parameter(name = "provider", schema = @Schema(allowableValues = {"stripe", "alipay", "wechatpay"}))
    ResponseEntity<String> notice(@PathVariable String provider, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        Provider from = Provider.byId(provider).orElseThrow(() -> new NotFoundException("webhook"));
        if (!hosts.isPlatformsOwnHost(request.getServerName())) {
            throw new NotFoundException("webhook");
        }
        intake.accept(from, new RawNotice(body, headers(request)));
        return switch (from) {
            // Alipay stops retrying once it reads "success"; WeChat Pay and Stripe once they get a 2xx
            case ALIPAY -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
            case WECHATPAY, STRIPE -> ResponseEntity.noContent().build();
        };
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }
}
