package dev.behalf.gateway.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request-target is read once: every spelling either decodes to one path or is refused. */
class RequestTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "/ /",
            "/api/shell /api/shell",
            "/%61pi/%73hell /api/shell",
            "/api/./shell /api/shell",
            "/api/health/../shell /api/shell",
            "/ui/%2e%2e/api/shell /api/shell",
            "/ui/%2E%2E/api/shell /api/shell",
            "/ui/.%2e/api/shell /api/shell",
            "/api/shell/. /api/shell/",
            "/api/shell/x/.. /api/shell/",
            "/api/shell/ /api/shell/",
            "//api/shell //api/shell",
            "/api//shell /api//shell",
            "/api/shell;x=1 /api/shell;x=1",
            "/API/shell /API/shell",
            "/api/shell?x=1 /api/shell",
            "/api/shell?a=%2F&b=%00 /api/shell",
            "/api/mailboxes/jimh%40contoso.com/messages /api/mailboxes/jimh@contoso.com/messages",
            "/api/messages/%C3%A9t%C3%A9 /api/messages/été",
            "/. /",
            "/a/.. /",
    })
    void decodesOnceAndRemovesDotSegments(String raw, String path) {
        assertEquals(path, RequestTarget.parse(raw).path());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "", "*", "api/shell", "?x=1", "http://127.0.0.1:8025/api/shell", "HTTP://127.0.0.1/api/shell", "127.0.0.1:8025",
            "localhost:8025", "//evil.example/../api/shell#x", "/api/shell#frag", "/api/shell?x#frag",
            "/api%2fshell", "/api%2Fshell", "/api%5cshell", "/api\\shell", "/api/shell%00", "/api/shell%0a", "/api/shell%7f",
            "/api/shell%c2%85", "/api%252fshell", "/api/%25", "/api/shell%", "/api/shell%2", "/api/shell%zz",
            "/api/%c0%af", "/api/%c0%ae%c0%ae/x", "/api/%e0%80%af", "/api/%ed%a0%80", "/api/%ff", "/api/shell%80",
            "/..", "/../api/shell", "/api/../../shell", "/%2e%2e/api/shell", "/api/ shell", "/api/\tshell",
            "/api/sh\u00e9ll", "/api/shell\u0000",
    })
    void refusesWhatIsNotAPlainOriginFormTarget(String raw) {
        RequestTarget.Invalid e = assertThrows(RequestTarget.Invalid.class, () -> RequestTarget.parse(raw));
        assertTrue(!e.getMessage().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
            "http://127.0.0.1/api/shell absolute-form",
            "127.0.0.1:8025 authority-form",
            "* asterisk-form",
            "api/shell must start with '/'",
            "/api%2fshell encoded '/'",
            "/api%5cshell encoded '\\'",
            "/api%252fshell (%25)",
            "/api/%c0%af UTF-8",
            "/../api climbs above the root",
            "/x#y fragment",
    })
    void theRefusalSaysWhatIsWrong(String raw, String expected) {
        String message = assertThrows(RequestTarget.Invalid.class, () -> RequestTarget.parse(raw)).getMessage();
        assertTrue(message.contains(expected), message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/shell", "/api/shell/", "//api/shell", "/api//shell", "/"})
    void segmentsKeepEmptyOnesSoTheyMatchNoRoute(String raw) {
        List<String> segments = RequestTarget.parse(raw).segments();
        assertEquals(raw.equals("/") ? List.of() : List.of(raw.substring(1).split("/", -1)), segments);
    }
}
