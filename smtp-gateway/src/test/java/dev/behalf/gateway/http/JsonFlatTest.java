package dev.behalf.gateway.http;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Json#flat} must write what Jackson writes, so that /api/health can't drift from the rest of the API. */
class JsonFlatTest {

    @Test
    void writesTheHealthAnswerAsJacksonDoes() throws Exception {
        Map<String, Object> ports = new LinkedHashMap<>();
        ports.put("smtp", 2525);
        ports.put("imap", 2143);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        body.put("ports", ports);
        body.put("directoryVersion", 12L);
        body.put("ready", true);
        assertEquals(Json.mapper().writeValueAsString(body), Json.flat(body));
        assertEquals(Json.flat(body), Json.write(body));
    }

    @Test
    void escapesEveryCharacterAsJacksonDoes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        all.append("é€😀\u2028\u007f");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(all.toString(), all.toString());
        body.put("empty", "");
        body.put("nested", Map.of("k\"ey", "v\\alue"));
        assertEquals(Json.mapper().writeValueAsString(body), Json.flat(body));
        assertEquals(Json.flat(body), Json.write(body));
    }

    @Test
    void refusesWhatItDoesNotWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.flat(Map.of("x", 1.5)));
        assertEquals("Json.flat writes strings, integers, booleans and maps, not Double (field 'x'); use Json.write", e.getMessage());
        assertEquals("{\"x\":1.5}", Json.write(Map.of("x", 1.5)));
    }

    @Test
    void errorAnswersAreFlat() throws Exception {
        Map<String, Object> body = Json.errorBody(io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND, "no such endpoint: GET /x\"y");
        assertEquals(Json.mapper().writeValueAsString(body), Json.write(body));
    }
}
