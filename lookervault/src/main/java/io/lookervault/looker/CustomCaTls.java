package io.lookervault.looker;

import io.lookervault.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context for {@code ca_file}: the system's certificate authorities plus those in the PEM file (a
 * company's private CA), so a Looker behind one is verified instead of needing {@code verify_ssl=false}.
 * Host names are still checked (by the JDK's own trust manager), so a trusted certificate for another host
 * fails.
 */
final class CustomCaTls {
    private CustomCaTls() {}

    static SSLContext context(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : systemCas()) {
                store.setCertificateEntry("system-" + n++, ca);
            }
            Collection<? extends Certificate> own;
            try (InputStream in = Files.newInputStream(pemFile)) {
                own = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (own.isEmpty()) {
                throw new ConfigException("ca_file", "ca_file " + pemFile + " holds no certificate (PEM expected)");
            }
            for (Certificate c : own) {
                store.setCertificateEntry("ca-file-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("ca_file", "cannot read ca_file " + pemFile + " as PEM certificates: "
                    + e.getMessage());
        }
    }

    private static X509Certificate[] systemCas() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
