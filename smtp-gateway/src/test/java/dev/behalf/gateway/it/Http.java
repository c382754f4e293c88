package dev.behalf.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.behalf.gateway.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real HTTP client for the JSON API. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    static Reply get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Runs cmdlets through {@code POST /api/shell}, with the header that marks a text/plain POST as no form's. */
    static Reply shell(int port, String commands) {
        return send(HttpRequest.newBuilder(uri(port, "/api/shell")).header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Behalf-Request", "1").POST(HttpRequest.BodyPublishers.ofString(commands, StandardCharsets.UTF_8)));
    }
}
