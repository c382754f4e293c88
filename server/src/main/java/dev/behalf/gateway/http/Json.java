package dev.behalf.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoredMessage;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON in and out of the HTTP API: records as objects, Optionals omitted when empty, ISO-8601 times.
 * What the API answers ({@link #write}) never serialises a store or decision-log record as it is: those
 * go through {@link ApiJson}'s records, and {@link #write} refuses them, so that no field of theirs
 * becomes part of the API by accident.
 */
public final class Json {
    /**
     * Jackson's mappers, made on first use: their set-up loads some 540 classes, which was a quarter of
     * the start-up to the first {@code /api/health} 200 (docs/benchmarks.md). Health and the error
     * answers are flat maps, which {@link #write} writes without them; the first other answer pays.
     */
    private static final class Mappers {
        static final ObjectMapper MAPPER = configure(new ObjectMapper());
        static final ObjectMapper API = configure(new ObjectMapper()).registerModule(notTheApisOwn(
                Map.of(MessageSummary.class, "ApiJson.Summary", MailboxSummary.class, "ApiJson.Mailbox", StoredMessage.class,
                        "ApiJson.Message", MailboxKey.class, "ApiJson.BoxKey", MessageId.class, "ApiJson.Id",
                        DecisionRecord.class, "ApiJson.Decision", MessageView.class, "ApiJson.Message")));
    }

    private Json() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
    }

    /** Serializers that refuse each of these types, naming the API record to map it to. */
    private static SimpleModule notTheApisOwn(Map<Class<?>, String> views) {
        SimpleModule module = new SimpleModule("behalf-api-records");
        views.forEach((type, view) -> refuse(module, type, view));
        return module;
    }

    private static <T> void refuse(SimpleModule module, Class<T> type, String view) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) {
                throw new IllegalStateException("the API shows a " + type.getSimpleName() + " as " + view + ", not as it is");
            }
        });
    }

    /** For reading JSON, and for files that keep records as they are (decisions under --data-dir). */
    public static ObjectMapper mapper() {
        return Mappers.MAPPER;
    }

    /** The JSON of an API answer. */
    public static String write(Object value) {
        if (value instanceof Map<?, ?> map && isFlat(map)) {
            @SuppressWarnings("unchecked")
            Map<String, ?> flat = (Map<String, ?>) map;
            return flat(flat);
        }
        try {
            return Mappers.API.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("can't write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static boolean isFlat(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            boolean flat = v instanceof Map<?, ?> nested ? isFlat(nested)
                    : v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean;
            if (!(e.getKey() instanceof String) || !flat) {
                return false;
            }
        }
        return true;
    }

    /**
     * The JSON of a map whose values are strings, integers, booleans or such maps, written without
     * Jackson, byte for byte as Jackson writes it ({@code JsonFlatTest} holds the two together).
     */
    static String flat(Map<String, ?> value) {
        StringBuilder out = new StringBuilder(64);
        object(value, out);
        return out.toString();
    }

    private static void object(Map<String, ?> map, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(e.getKey(), out);
            out.append(':');
            Object v = e.getValue();
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> m = (Map<String, ?>) nested;
                object(m, out);
            } else if (v instanceof String text) {
                string(text, out);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
                out.append(v);
            } else {
                throw new IllegalArgumentException("Json.flat writes strings, integers, booleans and maps, not "
                        + (v == null ? "null" : v.getClass().getSimpleName()) + " (field '" + e.getKey() + "'); use Json.write");
            }
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
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
