package dev.adfrest.camel.auth;

/** ADF's Anonymous: no Authorization header (authHeaders may still carry an API key). */
public final class AnonymousAuthenticator implements Authenticator {

    @Override
    public String authorization() {
        return null;
    }

    @Override
    public String toString() {
        return "Anonymous";
    }
}
