package dev.adfrest.camel.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate for 127.0.0.1 and a trust store holding it, made with the JDK's keytool once per
 * test JVM (nothing secret is committed).
 */
public final class TestTls {

    public static final String PASSWORD = "changeit";

    private static Path dir;

    private TestTls() {
    }

    /** The server's key store (PKCS12): a key pair with CN=127.0.0.1 and SAN ip:127.0.0.1,dns:localhost. */
    public static synchronized Path keyStore() {
        ensure();
        return dir.resolve("server.p12");
    }

    /** A trust store (PKCS12) holding the server's certificate only. */
    public static synchronized Path trustStore() {
        ensure();
        return dir.resolve("trust.p12");
    }

    private static void ensure() {
        if (dir != null) {
            return;
        }
        try {
            Path d = Files.createTempDirectory("adfrest-tls");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", d.resolve("server.p12").toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            run(keytool, "-exportcert", "-alias", "server", "-keystore", d.resolve("server.p12").toString(),
                    "-storepass", PASSWORD, "-rfc", "-file", d.resolve("server.pem").toString());
            run(keytool, "-importcert", "-noprompt", "-alias", "server", "-file", d.resolve("server.pem").toString(),
                    "-storetype", "PKCS12", "-keystore", d.resolve("trust.p12").toString(), "-storepass", PASSWORD);
            dir = d;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("keytool failed", e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool: " + out);
        }
    }
}
