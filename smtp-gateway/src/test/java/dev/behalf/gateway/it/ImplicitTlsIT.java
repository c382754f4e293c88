package dev.behalf.gateway.it;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.junit.BehalfExtension;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --smtps-port}: implicit TLS from the first byte, with the self-signed certificate made at start. */
class ImplicitTlsIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory().configure(b -> b.smtpsPort(0));

    private int smtpsPort() {
        return behalf.server().ports().smtps().orElseThrow();
    }

    @Test
    void theGreetingComesOverTlsWithASelfSignedCertificateForLocalhost() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        X509Certificate[][] seen = new X509Certificate[1][];
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { seen[0] = c; }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        try (SSLSocket s = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", smtpsPort())) {
            s.setSoTimeout(10_000);
            String greeting = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(greeting.startsWith("220 "), greeting);
            assertEquals(seen[0][0].getSubjectX500Principal(), seen[0][0].getIssuerX500Principal(), "self-signed");
            assertTrue(seen[0][0].getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
        }
    }

    @Test
    void jakartaMailSendsOverSmtps() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtps.host", "127.0.0.1");
        p.put("mail.smtps.port", String.valueOf(smtpsPort()));
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.trust", "*");
        p.put("mail.smtps.ssl.checkserveridentity", "false");
        Session s = Session.getInstance(p);
        try (Transport t = s.getTransport("smtps")) {
            t.connect("terrya@contoso.com", "P@ssw0rd");
            var m = JakartaMail.message(s, "terrya@contoso.com", "jimh@contoso.com", "over smtps");
            t.sendMessage(m, m.getAllRecipients());
        }
        behalf.awaitMessage("jimh", "over smtps");
        assertTrue(behalf.awaitMessage("jimh", "over smtps").getHeader("Received")[0].contains("with ESMTPSA"));
    }
}
