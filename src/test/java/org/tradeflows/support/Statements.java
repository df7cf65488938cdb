package org.tradeflows.support;

import static io.restassured.RestAssured.given;

/** The service's own SQL statement counter, read as a client would: {@code tradeflows_sql_statements_total} at /q/metrics. */
public final class Statements {

    private Statements() {
    }

    public static double soFar() {
        return given().when().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("tradeflows_sql_statements_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
