package dev.behalf.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out of the HTTP API: records as objects, Optionals omitted when empty, ISO-8601 times. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("can't write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static Response.Full ok(Object value) {
        return of(HttpResponseStatus.OK, value);
    }

    public static Response.Full of(HttpResponseStatus status, Object value) {
        return Response.text(status, "application/json; charset=utf-8", write(value));
    }

    /** {@code {"error": message}} with the given status. */
    public static Response.Full error(HttpResponseStatus status, String message) {
        return of(status, errorBody(status, message));
    }

    static Map<String, Object> errorBody(HttpResponseStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status.code());
        return body;
    }
}
