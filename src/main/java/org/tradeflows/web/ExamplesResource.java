package org.tradeflows.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** The committed example queries (graphql/examples), listed with one-click links that open them in GraphiQL. */
@Path("/examples")
public class ExamplesResource {

    private static final String DIR = "graphql/examples/";
    private static final Pattern FILE = Pattern.compile("^[a-z0-9][a-z0-9-]*\\.(graphql|json)$");

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String index() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Tradeflows example queries</title><link rel="icon" href="data:,">
                <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
                li{margin:.8rem 0}code{background:#f3f3f3;padding:0 .2rem}</style></head><body>
                <h1>Example queries</h1>
                <p>Each example is a committed file in <code>graphql/examples/</code>, run by the tests. Open one in
                GraphiQL, change it, run it.</p><ol>""");
        for (String name : names()) {
            String query = read(name + ".graphql").orElseThrow();
            String variables = read(name + ".json").orElse(null);
            String title = description(query, name);
            String link = "/q/graphql-ui/?query=" + encode(query) + (variables == null ? "" : "&variables=" + encode(variables));
            html.append("<li><a href=\"").append(link).append("\">").append(escape(name)).append("</a> — ")
                    .append(escape(title)).append(" <small>(<a href=\"/examples/").append(name)
                    .append(".graphql\">query</a>").append(variables == null ? "" : ", <a href=\"/examples/" + name
                            + ".json\">variables</a>").append(")</small></li>\n");
        }
        return html.append("</ol><p><a href=\"/\">Tradeflows</a> · <a href=\"/q/graphql-ui/\">GraphiQL</a> · "
                + "<a href=\"/graphql/schema.graphql\">schema</a></p></body></html>").toString();
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        if (!FILE.matcher(file).matches()) {
            throw new NotFoundException();
        }
        String body = read(file).orElseThrow(NotFoundException::new);
        String type = file.endsWith(".json") ? MediaType.APPLICATION_JSON : "application/graphql; charset=utf-8";
        return Response.ok(body, type).build();
    }

    /**
     * The examples as JSON for GraphiQL's start page (graphiql-start.html), which puts them in GraphiQL's collection and
     * opens the first story step.
     */
    @GET
    @Path("index.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String json() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String name : names()) {
            String query = read(name + ".graphql").orElseThrow();
            JsonObjectBuilder example = Json.createObjectBuilder().add("name", name).add("description", description(query, name))
                    .add("query", query);
            read(name + ".json").ifPresent(v -> example.add("variables", v));
            list.add(example);
        }
        return Json.createObjectBuilder().add("starter", STARTER).add("examples", list).build().toString();
    }

    /** The story's first step: what GraphiQL opens on. */
    static final String STARTER = "story-1-national-total";

    /** An example's description: its leading comment lines, whole (a description may run over several lines). */
    static String description(String query, String fallback) {
        List<String> lines = query.lines().map(String::trim).takeWhile(l -> l.startsWith("#"))
                .map(l -> l.substring(1).trim()).toList();
        return lines.isEmpty() ? fallback : String.join(" ", lines);
    }

    static List<String> names() {
        return read("INDEX").orElse("").lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static java.util.Optional<String> read(String file) {
        try (InputStream in = ExamplesResource.class.getClassLoader().getResourceAsStream(DIR + file)) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
