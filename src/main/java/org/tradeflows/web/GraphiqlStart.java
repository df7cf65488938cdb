package org.tradeflows.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * GraphiQL opened bare (/q/graphql-ui/ without a query) goes to graphiql-start.html, which puts the example queries in
 * GraphiQL's collection and opens the story's first step. SmallRye's UI has no setting for a starting query; links with
 * {@code ?query=…} (every "Show the query") open as they are.
 */
@ApplicationScoped
public class GraphiqlStart {

    static final String START_PAGE = "/graphiql-start.html";

    void install(@Observes Router router) {
        for (String path : new String[] {"/q/graphql-ui", "/q/graphql-ui/"}) {
            router.get(path).order(-20).handler(ctx -> {
                String query = ctx.request().query();
                if (query == null || query.isBlank()) {
                    ctx.response().setStatusCode(302).putHeader("Location", START_PAGE).end();
                } else {
                    ctx.next();
                }
            });
        }
    }
}
