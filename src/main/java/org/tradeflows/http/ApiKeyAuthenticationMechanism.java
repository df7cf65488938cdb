package org.tradeflows.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * API keys travel as {@code Authorization: Bearer <key>}. No header means an anonymous reader; a header with an
 * unknown key is refused with 401 (code UNAUTHENTICATED) rather than silently downgraded, so a client notices a
 * revoked or mistyped key. Refusals count against the caller's IP address in the rate limit.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "bearer ";
    private static final String MALFORMED = "Authorization must be 'Bearer <api key>'";

    private final RateLimitFilter rateLimit;

    public ApiKeyAuthenticationMechanism(RateLimitFilter rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException(MALFORMED));
        }
        String key = header.substring(PREFIX.length()).trim();
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new TokenCredential(key, "bearer")));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"tradeflows\""));
    }

    /** Answers a refused key with a coded GraphQL-shaped body, or 429 when the IP address keeps sending bad keys. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!rateLimit.enabled()) {
            return Uni.createFrom().item(refuse(context));
        }
        return Uni.createFrom().completionStage(rateLimit.admit(context, RateLimitFilter.anonymousClient(context), null)
                .toCompletionStage()).map(admitted -> admitted ? refuse(context) : true);
    }

    /** Answers 401 with what the request needs. */
    private static boolean refuse(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        context.response().putHeader("WWW-Authenticate", "Bearer realm=\"tradeflows\"");
        HttpAnswers.error(context, 401, ErrorCodes.UNAUTHENTICATED, (bearer
                ? "Authorization: the API key is unknown or was revoked" : MALFORMED) + "; " + advice(context.normalizedPath()));
        return true;
    }

    /** What to do instead: an upload needs a curator's key; reading works without any. */
    static String advice(String path) {
        if (path != null && path.startsWith("/ingest")) {
            return "uploads need the key of a curator (the admin key is TRADEFLOWS_ADMIN_KEY), sent as "
                    + "'Authorization: Bearer <key>'";
        }
        return "send no Authorization header to read anonymously";
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
