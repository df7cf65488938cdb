package org.tradeflows.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Pages without a file extension: the explorer at /explorer (a static page; every figure on it comes from the public
 * GraphQL API in the browser) and the README as text. Both are read from the classpath, never rendered with data.
 */
@Path("/")
public class SitePagesResource {

    @GET
    @Path("explorer")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String explorer() {
        return read("META-INF/resources/explorer.html");
    }

    @GET
    @Path("README.md")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    public String readme() {
        return read("site/README.md");
    }

    private static String read(String resource) {
        try (InputStream in = SitePagesResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
