package dev.atelier.platform.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How an app faces the web, under {@code atelier.web}.
 *
 * @param publicUrl the app's own public base URL (scheme, host, port), e.g. {@code http://localhost:8081}: the
 *            addresses the app names of itself (the resource identifier of its OAuth2 protected resource metadata,
 *            {@code WWW-Authenticate}'s {@code resource_metadata}) are built from it, never from a request's
 *            {@code Host} header
 * @param localMode the app serves the local stack or a test ({@code ./atelier up} and the tests set it): plain
 *            {@code http://} image URLs are accepted only then
 * @param maxJsonBody the largest JSON request body the API reads; larger ones are refused with 413 before parsing
 */
@ConfigurationProperties("atelier.web")
public record WebProperties(URI publicUrl, @DefaultValue("false") boolean localMode,
        @DefaultValue("64KB") DataSize maxJsonBody) {

    public WebProperties {
        if (publicUrl == null || publicUrl.getScheme() == null || publicUrl.getHost() == null
                || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    "atelier.web.public-url must be the app's absolute http(s) base URL, e.g. http://localhost:8081");
        }
        if (maxJsonBody.toBytes() < 1) {
            throw new IllegalArgumentException("atelier.web.max-json-body must be positive");
        }
    }

    /** {@link #publicUrl()} without a trailing slash. */
    public String baseUrl() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
