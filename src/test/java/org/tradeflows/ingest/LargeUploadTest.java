package org.tradeflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/**
 * An upload larger than the service's body limit for other endpoints (10 MB) is streamed through to the parser;
 * GraphQL keeps the limit.
 */
@QuarkusTest
class LargeUploadTest {

    @Inject
    Jdbc jdbc;

    static byte[] shipments(int rows, String prefix) {
        StringBuilder csv = new StringBuilder(rows * 260);
        csv.append("source_ref,supplier_name,supplier_country,recipient_name,recipient_country,date,hs_code,description,"
                + "value,currency,quantity,quantity_unit,net_weight_kg\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append(",Fictional Bulk Supplier ").append(i % 40).append(",CN,")
                    .append("Fictional Bulk Recipient ").append(i % 25).append(",RU,2023-").append(String.format("%02d", 1 + i % 12))
                    .append("-15,84071000,Fictional goods for a streaming test padded to make the file large enough ")
                    .append(i).append(',').append(1000 + i).append(".25,CNY,").append(i % 100).append(",pcs,")
                    .append(i % 1000).append(".5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTwelveMegabyteUploadIsStreamedAndLoaded() {
        byte[] file = shipments(60_000, "BULK-");
        assertThat(file.length).isGreaterThan(11 * 1024 * 1024);
        JsonPath report = Uploads.upload("shipments", file, Uploads.source("test-large"), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        assertThat(report.getLong("rows.loaded")).isEqualTo(60_000);
        assertThat(Uploads.shipments(jdbc, "test-large")).isEqualTo(60_000);
    }

    @Test
    void otherEndpointsKeepTheBodyLimit() throws Exception {
        // announce an 11 MB body and read the answer before sending it: refused by its Content-Length alone
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 11 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }
}
