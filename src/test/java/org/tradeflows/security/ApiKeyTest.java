package org.tradeflows.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyTest {

    private static final String VIEWER = "{\"query\":\"{ viewer { authenticated roles } }\"}";

    @Test
    void anonymousCallersReadWithoutRoles() {
        given().contentType(ContentType.JSON).body(VIEWER).when().post("/graphql").then().statusCode(200)
                .body("data.viewer.authenticated", equalTo(false)).body("data.viewer.roles", empty());
    }

    @Test
    void theBootstrapAdminKeyCarriesEveryRole() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-admin-key").body(VIEWER)
                .when().post("/graphql").then().statusCode(200)
                .body("data.viewer.authenticated", equalTo(true))
                .body("data.viewer.roles", contains("admin", "curator", "reader"));
    }

    @Test
    void anUnknownKeyIsRefusedNotDowngraded() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(VIEWER)
                .when().post("/graphql").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Basic abc").body(VIEWER)
                .when().post("/graphql").then().statusCode(401);
    }
}
