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
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tradeflows.model.ApiKeyRecord;
import org.tradeflows.model.ApiRole;
import org.tradeflows.store.ApiKeyStore;

/**
 * Resolves a bearer key to an identity: the bootstrap admin key from TRADEFLOWS_ADMIN_KEY, or a key created through
 * the API, looked up by its hash in PostgreSQL on every request (no cache, so a revoked key stops at once).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute: the number of the key in api_key (absent for the bootstrap key). */
    public static final String KEY_ID = "tradeflows.key-id";
    /** Identity attribute: the key's role (admin, curator, reader). */
    public static final String ROLE = "tradeflows.role";

    private final Optional<String> adminKey;
    private final ApiKeyStore keys;

    public ApiKeyIdentityProvider(@ConfigProperty(name = "tradeflows.admin-key") Optional<String> adminKey, ApiKeyStore keys) {
        this.adminKey = adminKey.filter(k -> !k.isBlank());
        this.keys = keys;
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
                    .addRoles(Set.of(Roles.ADMIN, Roles.CURATOR, Roles.READER))
                    .addAttribute(ROLE, Roles.ADMIN)
                    .build());
        }
        if (!ApiKeySecrets.wellFormed(key)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown or revoked API key"));
        }
        String hash = ApiKeySecrets.sha256(key);
        return context.runBlocking(() -> keys.active(hash).map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked API key")));
    }

    private static SecurityIdentity identity(ApiKeyRecord key) {
        Set<String> roles = switch (key.role()) {
            case ADMIN -> Set.of(Roles.ADMIN, Roles.CURATOR, Roles.READER);
            case CURATOR -> Set.of(Roles.CURATOR, Roles.READER);
            case READER -> Set.of(Roles.READER);
        };
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.name()))
                .addRoles(roles)
                .addAttribute(KEY_ID, key.id())
                .addAttribute(ROLE, key.role().name().toLowerCase(java.util.Locale.ROOT))
                .build();
    }

    /** The role that decides a caller's rate limit: the highest one the identity holds. */
    public static Optional<ApiRole> role(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.hasRole(Roles.ADMIN)) {
            return Optional.of(ApiRole.ADMIN);
        }
        return Optional.of(identity.hasRole(Roles.CURATOR) ? ApiRole.CURATOR : ApiRole.READER);
    }

    static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
