package dev.adfrest.camel.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ADF's Basic: {@code Authorization: Basic base64(userName:password)} (RFC 7617, UTF-8). */
public final class BasicAuthenticator implements Authenticator {

    private final String userName;
    private final String header;

    public BasicAuthenticator(String userName, String password) {
        this.userName = userName;
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((userName + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String authorization() {
        return header;
    }

    @Override
    public String toString() {
        return "Basic[userName=" + userName + "]";
    }
}
