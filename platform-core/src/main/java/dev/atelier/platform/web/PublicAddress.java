package dev.atelier.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public base URL (scheme, host, port; no trailing slash) under which a request reached this app, taken from
 * configuration or the registry and never from the request's {@code Host} header as given. An app whose address
 * depends on the request (the storefront: each chain's host) provides one; the others answer
 * {@link WebProperties#baseUrl()}.
 */
@FunctionalInterface
public interface PublicAddress {

    String baseUrlOf(HttpServletRequest request);
}
