package org.tradeflows.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Resolves a bearer key to an identity. The bootstrap admin key comes from TRADEFLOWS_ADMIN_KEY. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Optional<String> adminKey;

    public ApiKeyIdentityProvider(@ConfigProperty(name = "tradeflows.admin-key") Optional<String> adminKey) {
        this.adminKey = adminKey.filter(k -> !k.isBlank());
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String key = request.getToken().getToken();
        if (adminKey.isPresent() && constantTimeEquals(adminKey.get(), key)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("bootstrap-admin"))
                    .addRoles(java.util.Set.of(Roles.ADMIN, Roles.CURATOR, Roles.READER))
                    .build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("Unknown or revoked API key"));
    }

    static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
