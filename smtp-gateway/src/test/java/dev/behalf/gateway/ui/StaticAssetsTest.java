package dev.behalf.gateway.ui;

import dev.behalf.gateway.http.Response;
import dev.behalf.gateway.http.ui.StaticAssets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticAssetsTest {
    private final StaticAssets assets = new StaticAssets();

    @Test
    void thePageIsServedWithAStrictPolicyAndNoFraming() {
        Response.Full page = Requests.full(assets.page());
        assertEquals(200, page.status().code());
        assertEquals("text/html; charset=utf-8", page.contentType());
        String csp = page.headers().get("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'self'; script-src 'self'; style-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().get("X-Frame-Options"));
    }

    @Test
    void scriptsAreModulesWithAJavaScriptType() {
        Response.Full js = Requests.full(assets.asset("js/main.js"));
        assertEquals(200, js.status().code());
        assertEquals("text/javascript; charset=utf-8", js.contentType());
    }

    @Test
    void nothingOutsideTheUiFolderIsServed() {
        // Both name a file that is on the class path, one level above ui/.
        String outside = "META-INF/services/ch.qos.logback.classic.spi.Configurator";
        assertTrue(StaticAssetsTest.class.getClassLoader().getResource(outside) != null);
        assertEquals(404, Requests.full(assets.asset("../" + outside)).status().code());
        assertEquals(404, Requests.full(assets.asset("js/../../" + outside)).status().code());
        assertEquals(404, Requests.full(assets.asset("missing.js")).status().code());
        assertEquals(404, Requests.full(assets.asset("js/main.java")).status().code());
    }

    @Test
    void thePageLoadsNothingRemoteAndNoInlineScript() {
        String html = Requests.body(assets.page());
        assertTrue(!html.contains("http://") && !html.contains("https://"), html);
        assertTrue(html.contains("<script type=\"module\" src=\"/ui/js/main.js\"></script>"));
        assertEquals(1, html.split("<script", -1).length - 1, "one script element, external");
    }

    @Test
    void noUiFileLoadsAnythingRemoteOrWritesHtmlFromStrings() throws Exception {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("..", "webui", "src", "main", "resources", "ui"))) {
            for (var f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = java.nio.file.Files.readString(f);
                String svgNamespaceFree = text.replace("http://www.w3.org/2000/svg", "");
                assertTrue(!svgNamespaceFree.contains("http://") && !svgNamespaceFree.contains("https://"), f + " names a remote URL");
                assertTrue(!text.contains("innerHTML") && !text.contains("eval(") && !text.contains("document.write"),
                        f + " builds markup from strings");
                assertTrue(!text.contains("style=\""), f + " has an inline style attribute the CSP would block");
            }
        }
    }
}
