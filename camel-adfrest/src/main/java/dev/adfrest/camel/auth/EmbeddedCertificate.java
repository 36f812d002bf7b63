package dev.adfrest.camel.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADF's servicePrincipalEmbeddedCert: a certificate with its private key, as a PKCS#12 (PFX) file or PEM text, given
 * inline (base64, or PEM as is) or as a Camel resource. Checked here, where the option can be named, rather than at the
 * first sign-in deep inside MSAL. Error messages never quote the certificate or its password.
 */
final class EmbeddedCertificate {

    static final String OPTION = "servicePrincipalEmbeddedCert";

    /** A Camel resource URI (file:, classpath:, ...). Base64 has no ':' and PEM is recognised before this. */
    private static final Pattern RESOURCE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.+", Pattern.DOTALL);
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

    private final byte[] content;
    private final boolean pem;

    private EmbeddedCertificate(byte[] content, boolean pem) {
        this.content = content;
        this.pem = pem;
    }

    /**
     * Reads and checks the certificate.
     *
     * @param  resources                reads a Camel resource; null when only checking options (a resource is then
     *                                  not read, and null is returned)
     * @throws IllegalArgumentException naming the option when the certificate cannot be used
     */
    static EmbeddedCertificate read(String value, String password, Function<String, byte[]> resources) {
        String text = value.trim();
        byte[] content;
        if (text.contains("-----BEGIN")) {
            content = text.getBytes(StandardCharsets.US_ASCII);
        } else if (RESOURCE.matcher(text).matches()) {
            if (resources == null) {
                return null;
            }
            content = resources.apply(text);
        } else {
            content = decodeBase64(text);
        }
        EmbeddedCertificate certificate = new EmbeddedCertificate(content, isPem(content));
        if (certificate.pem) {
            checkPem(new String(content, StandardCharsets.US_ASCII));
        } else {
            checkPfx(content, password);
        }
        return certificate;
    }

    /** A fresh stream over the certificate, for each credential built from it. */
    InputStream open() {
        return new ByteArrayInputStream(content);
    }

    boolean isPem() {
        return pem;
    }

    private static boolean isPem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN");
    }

    private static byte[] decodeBase64(String text) {
        // a '+' in an unRAW'd URI arrives as a space; line breaks come from copying PEM-style base64
        String compact = text.replaceAll("[\\r\\n\\t]", "").replace(' ', '+');
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Option '" + OPTION + "' is neither base64 (put it in RAW(...) in a URI),"
                                               + " PEM text, nor a resource such as file: or classpath:");
        }
    }

    private static void checkPfx(byte[] content, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password == null ? new char[0] : password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return;
                }
            }
            throw new IllegalArgumentException("Option '" + OPTION + "' holds no private key, only certificates");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalArgumentException("Option '" + OPTION + "' cannot be opened with the"
                                                   + " servicePrincipalEmbeddedCertPassword given (wrong or missing"
                                                   + " password)");
            }
            throw new IllegalArgumentException("Option '" + OPTION + "' is neither a PKCS#12 (PFX) file nor PEM text: "
                                               + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Option '" + OPTION + "' cannot be read as PKCS#12 (PFX): "
                                               + e.getMessage());
        }
    }

    private static void checkPem(String pem) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("Option '" + OPTION + "' is PEM without a certificate"
                                               + " (-----BEGIN CERTIFICATE-----)");
        }
        Matcher key = PEM_KEY.matcher(pem);
        if (!key.find()) {
            String found = pem.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted private key"
                    : pem.contains("RSA PRIVATE KEY") ? "a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY)"
                    : pem.contains("PRIVATE KEY") ? "an unsupported private key" : "no private key";
            throw new IllegalArgumentException("Option '" + OPTION + "' is PEM with " + found + "; azure-identity reads"
                                               + " an unencrypted PKCS#8 RSA key (BEGIN PRIVATE KEY): convert it with"
                                               + " 'openssl pkcs8 -topk8 -nocrypt', or use a PFX");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(key.group(1));
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Option '" + OPTION + "' has a private key that is not an unencrypted"
                                               + " PKCS#8 RSA key, which azure-identity needs");
        }
    }

    @Override
    public String toString() {
        return pem ? "PEM certificate" : "PFX certificate";
    }
}
