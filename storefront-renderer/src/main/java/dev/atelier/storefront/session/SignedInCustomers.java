package dev.atelier.storefront.session;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.security.Caller;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Turns a finished sign-in into a {@link SignedInCustomer}: the ID token is already verified by the sign-in flow; the
 * access token that came with it is verified too (the realm's keys, RS256, its issuer) and must name the same person,
 * and its realm roles become the session's authorities, as they would for an API call with that token.
 */
class SignedInCustomers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final IdentityProperties identity;
    private final ConcurrentHashMap<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    SignedInCustomers(IdentityProperties identity) {
        this.identity = identity;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
        Jwt access;
        try {
            access = decoders.computeIfAbsent(issuer, this::decoder)
                    .decode(request.getAccessToken().getTokenValue());
        } catch (JwtException e) {
            throw refused("The access token is not valid");
        }
        if (!access.getSubject().equals(request.getIdToken().getSubject())) {
            throw refused("The access token names someone else");
        }
        Caller caller = Caller.of(access);
        List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new SignedInCustomer(request.getClientRegistration().getRegistrationId(), caller,
                request.getIdToken(), authorities);
    }

    private JwtDecoder decoder(String issuer) {
        String realm = issuer.substring(issuer.lastIndexOf('/') + 1);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetOf(realm))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
