package dev.atelier.platform.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} and its groups ({@code /actuator/health/liveness}, {@code /readiness}) on the app's own
 * port, as the contract asks, while every other actuator endpoint (metrics above all) lives on the management port
 * ({@code management.server.port}, on loopback). The same health endpoint answers both: status only, 503 when down.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class HealthOnAppPort {

    private final HealthEndpointWebExtension health;

    HealthOnAppPort(HealthEndpointWebExtension health) {
        this.health = health;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<HealthDescriptor> health() {
        return answer(health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE));
    }

    @GetMapping("/actuator/health/{group}")
    ResponseEntity<HealthDescriptor> group(@PathVariable String group) {
        return answer(health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, group));
    }

    private static ResponseEntity<HealthDescriptor> answer(WebEndpointResponse<HealthDescriptor> response) {
        if (response.getBody() == null) {
            throw new NotFoundException("health group");
        }
        return ResponseEntity.status(response.getStatus()).contentType(MediaType.APPLICATION_JSON)
                .body(response.getBody());
    }
}
