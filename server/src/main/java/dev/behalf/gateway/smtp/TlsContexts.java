package dev.behalf.gateway.smtp;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The TLS identity of the submission ports: a configured PKCS#12 keystore, or a self-signed certificate. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * A fresh self-signed certificate for {@code hostName} (and localhost, 127.0.0.1), valid one year.
     * EC P-256 rather than RSA: generating it takes milliseconds, so start-up stays fast.
     */
    public static SSLContext selfSigned(String hostName) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = kpg.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate cert = SelfSignedCertificate.create(pair, hostName, List.of(hostName, "localhost"),
                    List.of(new byte[] {127, 0, 0, 1}), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("behalf", pair.getPrivate(), password, new Certificate[] {cert});
            return context(store, password);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("could not create the self-signed TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The key and certificate of a PKCS#12 keystore file. */
    public static SSLContext fromKeystore(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return context(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("can't use TLS keystore " + keystore + ": " + e.getMessage()
                    + " (expected a PKCS#12 file and its password)", e);
        }
    }

    private static SSLContext context(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }
}
