package dev.adfrest.camel.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.adfrest.camel.testsupport.TestTls;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Key material made by the JDK's keytool when a test first needs it, never committed: the TLS key of sign-in servers on
 * 127.0.0.1 (azure-identity signs in over https only; {@link TestTls}'s) and an application certificate for
 * AadServicePrincipal.
 */
final class TestKeys {

    /** A PKCS#12 file with a self-signed RSA key under an alias, and its password. */
    record KeyPair(Path file, String password, String alias) {

        KeyStore keyStore() {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password.toCharArray());
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        Certificate certificate() {
            try {
                return keyStore().getCertificate(alias);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] pfx() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String pfxBase64() {
            return Base64.getEncoder().encodeToString(pfx());
        }

        /** The certificate and its unencrypted PKCS#8 key as PEM text. */
        String pem() {
            try {
                PrivateKey key = (PrivateKey) keyStore().getKey(alias, password.toCharArray());
                Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
                return "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(key.getEncoded())
                       + "\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n"
                       + mime.encodeToString(certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Whether this certificate's key made an RS256 signature (of a JWT's "header.payload"). */
        boolean signed(String signedText, byte[] signature) {
            try {
                java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
                rs256.initVerify(certificate().getPublicKey());
                rs256.update(signedText.getBytes(StandardCharsets.US_ASCII));
                return rs256.verify(signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** base64(SHA-256 of the certificate): the x5t#S256 header MSAL puts in its client assertions. */
        String sha256Thumbprint() {
            try {
                return Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Camel TLS settings that trust this key's certificate (and nothing else). */
        SSLContextParameters trustingIt() {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setKeyStore(keyStore());
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            SSLContextParameters ssl = new SSLContextParameters();
            ssl.setTrustManagers(trust);
            return ssl;
        }
    }

    private static KeyPair application;

    private TestKeys() {
    }

    /** For HTTPS servers on 127.0.0.1 (the project's test server key): its certificate names that address. */
    static KeyPair tls() {
        return new KeyPair(TestTls.keyStore(), TestTls.PASSWORD, "server");
    }

    /** An application (service principal) certificate. */
    static synchronized KeyPair application() {
        if (application == null) {
            application = generate("app", "CN=adfrest-test-app");
        }
        return application;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static KeyPair generate(String name, String dname) {
        try {
            Path dir = Files.createTempDirectory("adfrest-keys");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name + ".p12");
            file.toFile().deleteOnExit();
            String password = randomPassword();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "test", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", dname, "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", password, "-keypass", password);
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return new KeyPair(file, password, "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
