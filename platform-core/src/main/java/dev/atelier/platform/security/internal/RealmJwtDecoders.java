package dev.atelier.platform.security.internal;

import dev.atelier.platform.identity.IdentityProperties;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Picks the authentication for a token by its (not yet verified) issuer: only issuers in {@link TrustedIssuers} get
 * one, each with a decoder for that realm's signing keys that accepts RS256 only and checks issuer, audience, expiry
 * (which must be present) and not-before. Anything else is refused before a key is fetched.
 */
class RealmJwtDecoders implements AuthenticationManagerResolver<String> {

    private final TrustedIssuers issuers;
    private final IdentityProperties identity;
    private final CallerAuthenticationConverter converter;
    private final ConcurrentHashMap<String, AuthenticationManager> managers = new ConcurrentHashMap<>();

    RealmJwtDecoders(TrustedIssuers issuers, IdentityProperties identity, CallerAuthenticationConverter converter) {
        this.issuers = issuers;
        this.identity = identity;
        this.converter = converter;
    }

    @Override
    public AuthenticationManager resolve(String issuer) {
        return issuers.realmOf(issuer).map(realm -> managers.computeIfAbsent(issuer, i -> manager(realm, i)))
                .orElse(null);
    }

    private AuthenticationManager manager(String realm, String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetOf(realm))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(identity.clockSkew()),
                new JwtIssuerValidator(issuer), RealmJwtDecoders::expiryPresent, audience(identity.audience())));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }

    private static OAuth2TokenValidatorResult expiryPresent(Jwt jwt) {
        return jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : failure("The token has no " + JwtClaimNames.EXP);
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> {
            Collection<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : failure("The token is not meant for this API");
        };
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
