package dev.behalf.gateway.http;

import dev.behalf.gateway.junit.BehalfExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 12 item 8: Autodiscover and autoconfig hand out the server's own name (the configured
 * {@code --hostname}, else the bound address), never what the request's Host says, for every Host
 * the server accepts; a foreign Host gets 421 and no settings at all.
 */
class AutodiscoverServerNameIT {
    @RegisterExtension
    static final BehalfExtension plain = BehalfExtension.withDemoDirectory();

    @RegisterExtension
    static final BehalfExtension named = BehalfExtension.withDemoDirectory().configure(b -> b.hostName("mail.behalf.test"));

    private static final String BODY = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\n"
            + "  <Request>\n    <EMailAddress>jimh@contoso.com</EMailAddress>\n"
            + "    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
            + "</AcceptableResponseSchema>\n  </Request>\n</Autodiscover>\n";

    private static List<String> names(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static RawHttp.Reply autodiscover(int port, String host) {
        String auth = Base64.getEncoder().encodeToString("jimh:P@ssw0rd".getBytes(StandardCharsets.UTF_8));
        return RawHttp.exchange(port, RawHttp.request("POST /autodiscover/autodiscover.xml HTTP/1.1", BODY, "Host: " + host,
                "Content-Type: text/xml", "Authorization: Basic " + auth));
    }

    private static RawHttp.Reply autoconfig(int port, String host) {
        return RawHttp.exchange(port, RawHttp.request("GET /mail/config-v1.1.xml?emailaddress=jimh%40contoso.com HTTP/1.1", "",
                "Host: " + host));
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"localhost", "localhost:1", "127.0.0.9:9999", "[::1]", "mail.behalf.test", "Mail.Behalf.Test:25"})
    void theServerNameIsTheConfiguredOneWhateverTheHostSays(String host) {
        for (BehalfExtension server : List.of(plain, named)) {
            String expected = server == named ? "mail.behalf.test" : "127.0.0.1";
            if (server == plain && host.toLowerCase().startsWith("mail.behalf.test")) {
                continue; // not a name of the plain server: 421, below
            }
            RawHttp.Reply settings = autodiscover(server.httpPort(), host);
            assertEquals(200, settings.status(), settings.toString());
            assertEquals(List.of(expected, expected, expected), names(settings.body(), "Server"), settings.body());
            RawHttp.Reply config = autoconfig(server.httpPort(), host);
            assertEquals(200, config.status(), config.toString());
            assertEquals(List.of(expected, expected, expected), names(config.body(), "hostname"), config.body());
        }
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "evil.example:8025", "mail.behalf.test"})
    void aForeignHostGetsNoSettings(String host) {
        RawHttp.Reply settings = autodiscover(plain.httpPort(), host);
        assertEquals(421, settings.status(), settings.toString());
        assertFalse(settings.body().contains("<Server>"), settings.body());
        RawHttp.Reply config = autoconfig(plain.httpPort(), host);
        assertEquals(421, config.status(), config.toString());
        assertFalse(config.body().contains("<hostname>"), config.body());
    }
}
