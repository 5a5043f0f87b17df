package dev.atelier.portal.signup;

/** The answer to a successful signup. */
public record SignupResponse(String tenantId, String slug, String storefrontUrl) {
}
