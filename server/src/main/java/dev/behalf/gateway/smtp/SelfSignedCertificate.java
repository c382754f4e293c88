package dev.behalf.gateway.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The self-signed X.509 v3 certificate of the submission ports (RFC 5280), written in DER here and signed with
 * the JDK's own ECDSA: the JDK can parse and verify certificates but has no public API to make one. Writing
 * it here replaced BouncyCastle, six thousand classes in the jar (most of the JUnit extension's dependencies,
 * and a third of what the JVM indexes when it opens {@code behalf.jar}) used for this alone. What is written
 * is read back by the JDK's {@link CertificateFactory}, which checks the structure.
 */
final class SelfSignedCertificate {
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    private static final Instant Y2050 = Instant.parse("2050-01-01T00:00:00Z");

    private SelfSignedCertificate() {
    }

    /**
     * A certificate for {@code pair}'s EC public key, subject and issuer {@code CN=commonName, O=Behalf}, valid
     * {@code [notBefore, notAfter]}, with these DNS names and IPv4 addresses as its subject alternative names.
     */
    static X509Certificate create(KeyPair pair, String commonName, List<String> dnsNames, List<byte[]> ipAddresses,
                                  Instant notBefore, Instant notAfter) throws GeneralSecurityException {
        byte[] algorithm = seq(oid(ECDSA_WITH_SHA256));
        // Most significant first, as RFC 5280's examples order a Name: it reads "CN=..., O=Behalf" (RFC 4514).
        byte[] name = seq(set(seq(oid(ORGANIZATION), utf8("Behalf"))), set(seq(oid(COMMON_NAME), utf8(commonName))));
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String dns : dnsNames) {
            names.writeBytes(tlv(0x82, ascii(dns))); // [2] IMPLICIT IA5String dNSName
        }
        for (byte[] ip : ipAddresses) {
            names.writeBytes(tlv(0x87, ip)); // [7] IMPLICIT OCTET STRING iPAddress
        }
        byte[] extensions = tlv(0xA3, seq(seq(oid(SUBJECT_ALT_NAME), tlv(0x04, tlv(0x30, names.toByteArray())))));
        byte[] tbs = seq(
                tlv(0xA0, tlv(0x02, new byte[] {2})), // [0] EXPLICIT version: v3
                tlv(0x02, new BigInteger(64, new SecureRandom()).add(BigInteger.ONE).toByteArray()),
                algorithm, name, seq(time(notBefore), time(notAfter)), name,
                pair.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                extensions);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = new byte[signature.length + 1]; // BIT STRING: no unused bits
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] der = seq(tbs, algorithm, tlv(0x03, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] time(Instant t) {
        return t.isBefore(Y2050) ? tlv(0x17, ascii(UTC_TIME.format(t))) : tlv(0x18, ascii(GENERALIZED_TIME.format(t)));
    }

    private static byte[] utf8(String s) {
        return tlv(0x0C, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 126 || s.charAt(i) < 32) {
                throw new IllegalArgumentException("a certificate's DNS name and times are ASCII, not '" + s + "'");
            }
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** An OBJECT IDENTIFIER from its dotted form: the first two arcs in one byte, each further arc base-128. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            for (long rest = arc >>> 7; rest != 0; rest >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Tag, DER length (short form below 128, else the fewest bytes), content. */
    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
