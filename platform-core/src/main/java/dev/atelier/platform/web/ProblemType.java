package dev.atelier.platform.web;

import java.net.URI;

/** The problem types Atelier answers with (RFC 9457 {@code type}); each names one kind of failure. */
public enum ProblemType {
    VALIDATION("validation"),
    MALFORMED_REQUEST("malformed-request"),
    NOT_FOUND("not-found"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    TENANT_REQUIRED("tenant-required"),
    TOO_MANY_REQUESTS("too-many-requests"),
    LAST_OWNER("last-owner"),
    MEMBER_EXISTS("member-exists"),
    MEMBERSHIP_STEP("membership-step"),
    INVITATION_ANSWERED("invitation-answered"),
    INVITATION_EXPIRED("invitation-expired"),
    CONFLICT("conflict"),
    SLOT_UNAVAILABLE("slot-unavailable"),
    BOOKING_RULES("booking-rules"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    SLUG_TAKEN("slug-taken"),
    ACCOUNT_EXISTS("account-exists"),
    IDENTITY_UNAVAILABLE("identity-unavailable"),
    TENANT_UNAVAILABLE("tenant-unavailable"),
    STORAGE_UNAVAILABLE("storage-unavailable"),
    METHOD_NOT_ALLOWED("method-not-allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    BODY_TOO_LARGE("body-too-large"),
    PAYMENT_METHOD_UNAVAILABLE("payment-method-unavailable"),
    PAYMENTS_UNCONFIGURED("payments-unconfigured"),
    PAYMENT_PROVIDER_UNAVAILABLE("payment-provider-unavailable"),
    NOTICE_REJECTED("notice-rejected"),
    ORDER_NOT_KNOWN_YET("order-not-known-yet"),
    REFUND_TOO_LARGE("refund-too-large"),
    SERVER_ERROR("server-error");

    private static final String BASE = "https://atelier.dev/problems/";

    private final URI uri;

    ProblemType(String name) {
        this.uri = URI.create(BASE + name);
    }

    public URI uri() {
        return uri;
    }
}
