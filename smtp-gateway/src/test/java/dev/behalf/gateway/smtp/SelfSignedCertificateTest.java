package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The certificate written in DER here, read back and verified by the JDK. */
class SelfSignedCertificateTest {

    private static KeyPair pair() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        return kpg.generateKeyPair();
    }

    @Test
    void theJdkReadsAndVerifiesWhatIsWritten() throws Exception {
        KeyPair pair = pair();
        Instant from = Instant.parse("2026-12-02T10:15:30Z");
        Instant to = Instant.parse("2027-12-03T10:15:30Z");
        X509Certificate cert = SelfSignedCertificate.create(pair, "mail.contoso.com", List.of("mail.contoso.com", "localhost"),
                List.of(new byte[] {127, 0, 0, 1}), from, to);

        cert.verify(pair.getPublic());
        cert.checkValidity(java.util.Date.from(Instant.parse("2027-06-01T00:00:00Z")));
        assertEquals(3, cert.getVersion());
        assertEquals("SHA256withECDSA", cert.getSigAlgName());
        assertEquals("CN=mail.contoso.com,O=Behalf", cert.getSubjectX500Principal().getName());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals(from, cert.getNotBefore().toInstant());
        assertEquals(to, cert.getNotAfter().toInstant());
        assertEquals(pair.getPublic(), cert.getPublicKey());
        assertEquals(List.of(List.of(2, "mail.contoso.com"), List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                cert.getSubjectAlternativeNames().stream().map(n -> List.copyOf(n)).toList());
        assertEquals(1, cert.getSerialNumber().signum());
    }

    @Test
    void aTimeFrom2050IsAGeneralizedTime() throws Exception {
        Instant to = Instant.parse("2051-01-02T03:04:05Z");
        X509Certificate cert = SelfSignedCertificate.create(pair(), "localhost", List.of("localhost"), List.of(),
                Instant.parse("2049-12-31T23:59:59Z"), to);
        assertEquals(to, cert.getNotAfter().toInstant());
        assertEquals(Instant.parse("2049-12-31T23:59:59Z"), cert.getNotBefore().toInstant());
    }

    @Test
    void derPiecesAsX690WritesThem() {
        assertEquals("06082a8648ce3d040302", HexFormat.of().formatHex(SelfSignedCertificate.oid("1.2.840.10045.4.3.2")));
        assertEquals("0603551d11", HexFormat.of().formatHex(SelfSignedCertificate.oid("2.5.29.17")));
        assertEquals("047f", HexFormat.of().formatHex(SelfSignedCertificate.tlv(0x04, new byte[127])).substring(0, 4));
        assertEquals("0481c8", HexFormat.of().formatHex(SelfSignedCertificate.tlv(0x04, new byte[200])).substring(0, 6));
        assertEquals("0482012c", HexFormat.of().formatHex(SelfSignedCertificate.tlv(0x04, new byte[300])).substring(0, 8));
    }
}
