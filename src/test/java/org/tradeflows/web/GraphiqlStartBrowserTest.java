package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GraphiQL opens on the story's first step with the examples in its collection; /examples shows each description whole. */
@QuarkusTest
class GraphiqlStartBrowserTest {

    static final Path EXAMPLES = Path.of("graphql", "examples");
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    private static List<String> names() throws IOException {
        return Files.readAllLines(EXAMPLES.resolve("INDEX")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The leading comment of an example file, its lines joined: what a reader must see whole. */
    private static String description(String name) throws IOException {
        return Files.readAllLines(EXAMPLES.resolve(name + ".graphql")).stream().map(String::trim)
                .takeWhile(l -> l.startsWith("#")).map(l -> l.substring(1).trim()).collect(Collectors.joining(" "));
    }

    @Test
    void graphiqlOpensOnTheStorysFirstStepWithTheExamplesInItsCollection() throws IOException {
        browser.open(base + "q/graphql-ui/");
        browser.awaitUrlContains("query=");
        String url = browser.script("return location.href");
        String query = URLDecoder.decode(url.substring(url.indexOf("query=") + 6).split("&")[0], StandardCharsets.UTF_8);
        assertThat(query).isEqualTo(Files.readString(EXAMPLES.resolve("story-1-national-total.graphql")));
        browser.waiting().until(d -> browser.findAll(".graphiql-query-editor .CodeMirror").size() > 0);
        String editor = browser.script("return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()");
        assertThat(editor).contains("query NationalTotal");
        String favorites = browser.script("return localStorage.getItem('graphiql:favorites')");
        for (String name : names()) {
            assertThat(favorites).as("example %s in GraphiQL's collection", name).contains("\"label\":\"" + name + "\"");
        }
        // a link with its own query (every "Show the query") opens as it is
        given().redirects().follow(false).when().get("/q/graphql-ui/?query=%7B%20topics%20%7B%20key%20%7D%20%7D").then().statusCode(200);
        given().redirects().follow(false).when().get("/q/graphql-ui/").then().statusCode(302);
        browser.screenshot("graphiql-start");
    }

    @Test
    void theExamplesPageShowsEachDescriptionWhole() throws IOException {
        browser.open(base + "examples");
        String page = browser.find("body").getText().replaceAll("\\s+", " ");
        for (String name : names()) {
            String description = description(name);
            assertThat(description).as("%s has a description", name).isNotEmpty();
            assertThat(page).as("description of %s", name).contains(name + " — " + description.replaceAll("\\s+", " "));
        }
    }
}
