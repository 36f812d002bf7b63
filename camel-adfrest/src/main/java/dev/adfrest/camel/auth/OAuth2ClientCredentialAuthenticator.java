package dev.adfrest.camel.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.AdfRestConfiguration;
import dev.adfrest.camel.support.Masking;
import dev.adfrest.camel.support.UrlOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.adfrest.camel.auth.Authenticators.required;
import dev.adfrest.camel.support.Json;

/**
 * ADF's OAuth2ClientCredential: the client credentials grant (RFC 6749 section 4.4) against any token endpoint, with
 * the JDK's HTTP client (the one azure-identity's calls go through here; it logs nothing unless asked by JDK system
 * properties) and Jackson. The client authenticates in the request body (client_secret_post, as ADF does); when the
 * server refuses that as a client authentication problem, once with HTTP Basic (client_secret_basic, which RFC 6749
 * makes mandatory for servers), and keeps to whichever worked.
 */
final class OAuth2ClientCredentialAuthenticator extends BearerTokenAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(OAuth2ClientCredentialAuthenticator.class);
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;
    private static final int DETAIL_CHARS = 300;

    enum ClientAuthentication {
        CLIENT_SECRET_POST,
        CLIENT_SECRET_BASIC
    }

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final String resource;
    private final String principal;
    private final SignIn signIn;
    private final Masking masking;
    private HttpClient client;
    private ClientAuthentication method = ClientAuthentication.CLIENT_SECRET_POST;
    private boolean methodConfirmed;

    private OAuth2ClientCredentialAuthenticator(URI tokenEndpoint, String clientId, String clientSecret, String scope,
                                                String resource, SignIn signIn) {
        super(signIn.clock());
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.resource = resource;
        this.signIn = signIn;
        this.masking = Masking.of(List.of(clientSecret));
        this.principal = "clientId '" + clientId + "' at " + masking.url(tokenEndpoint.toString());
    }

    /**
     * @throws IllegalArgumentException naming the missing or bad option
     */
    static OAuth2ClientCredentialAuthenticator from(AdfRestConfiguration config, SignIn signIn) {
        String type = AuthenticationType.OAUTH2_CLIENT_CREDENTIAL.adfName();
        URI endpoint = UrlOptions.checkSecretUrl("tokenEndpoint",
                required(config.getTokenEndpoint(), "tokenEndpoint", type).trim(), host -> false);
        String clientId = required(config.getClientId(), "clientId", type);
        String clientSecret = required(config.getClientSecret(), "clientSecret", type);
        return new OAuth2ClientCredentialAuthenticator(endpoint, clientId, clientSecret, blankToNull(config.getScope()),
                blankToNull(config.getResource()), signIn);
    }

    @Override
    protected BearerToken fetchToken(Instant now) {
        TokenResponse response = request(method);
        if (!response.ok() && !methodConfirmed && response.mayBeClientAuthentication()) {
            LOG.debug("{}: the token endpoint refused client_secret_post (HTTP {} {}); trying client_secret_basic",
                    this, response.status(), response.error());
            TokenResponse basic = request(ClientAuthentication.CLIENT_SECRET_BASIC);
            if (basic.ok()) {
                method = ClientAuthentication.CLIENT_SECRET_BASIC;
            } else {
                throw failure(response, " (client_secret_basic was refused too: HTTP " + basic.status()
                                        + (basic.error() == null ? "" : " " + basic.error()) + ")");
            }
            response = basic;
        }
        if (!response.ok()) {
            throw failure(response, "");
        }
        methodConfirmed = true;
        return token(response, now);
    }

    /** RFC 6749 section 5.1: expires_in is in seconds, a number or (some servers) a numeric string. */
    private static BearerToken token(TokenResponse response, Instant now) {
        Long expiresIn = seconds(response.json().get("expires_in"));
        return BearerToken.of(response.json().path("access_token").asText(), now,
                expiresIn == null ? null : now.plusSeconds(expiresIn), null);
    }

    private static Long seconds(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return (long) Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * One token request, sent again after a passing failure (5xx, 429, 408, a timeout, a refused connection) as the
     * endpoint's retry policy says.
     */
    private TokenResponse request(ClientAuthentication how) {
        for (int retries = 0;; retries++) {
            TokenResponse response;
            String reason;
            Duration retryAfter = null;
            try {
                response = send(how);
                if (!response.transientFailure()) {
                    return response;
                }
                reason = "HTTP " + response.status();
                retryAfter = response.retryAfter();
            } catch (IOException e) {
                reason = transientReason(e);
                Duration wait = reason == null ? null : signIn.retry().decider().next(reason, null, retries);
                if (wait == null) {
                    throw new AdfRestAuthenticationException(AuthenticationType.OAUTH2_CLIENT_CREDENTIAL.adfName(),
                            principal, null, "the token endpoint could not be reached"
                                             + (retries > 0 ? " after " + (retries + 1) + " attempts" : "") + ": "
                                             + masking.scrub(describe(e)));
                }
                pause(retries, reason, wait);
                continue;
            }
            Duration wait = signIn.retry().decider().next(reason, retryAfter, retries);
            if (wait == null) {
                return response;
            }
            pause(retries, reason, wait);
        }
    }

    /** Why a failed token request is worth another try (a timeout, a refused or reset connection); null for TLS. */
    private static String transientReason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return null; // an untrusted certificate stays untrusted
            }
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return e instanceof java.net.ConnectException ? "connection refused" : "connection failed";
    }

    private void pause(int retries, String reason, Duration wait) {
        LOG.warn("{}: the token request failed ({}); retry {} of {} in {} ms", this, reason, retries + 1,
                signIn.retry().maxRetries(), wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdfRestAuthenticationException(AuthenticationType.OAUTH2_CLIENT_CREDENTIAL.adfName(), principal,
                    null, "interrupted while waiting to ask the token endpoint again");
        }
    }

    private TokenResponse send(ClientAuthentication how) throws IOException {
        StringJoiner form = new StringJoiner("&");
        form.add("grant_type=client_credentials");
        if (scope != null) {
            form.add("scope=" + formEncode(scope));
        }
        if (resource != null) {
            form.add("resource=" + formEncode(resource));
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(signIn.timeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (how == ClientAuthentication.CLIENT_SECRET_POST) {
            form.add("client_id=" + formEncode(clientId));
            form.add("client_secret=" + formEncode(clientSecret));
        } else {
            // RFC 6749 2.3.1: both parts form-urlencoded before base64
            String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
            post.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        post.POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.UTF_8));
        try {
            HttpResponse<InputStream> response = client().send(post.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return TokenResponse.of(response.statusCode(),
                        new String(body.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8),
                        response.headers().firstValue("Retry-After").orElse(null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdfRestAuthenticationException(AuthenticationType.OAUTH2_CLIENT_CREDENTIAL.adfName(), principal, null,
                    "interrupted while waiting for the token endpoint");
        }
    }

    private AdfRestAuthenticationException failure(TokenResponse response, String note) {
        String detail = "HTTP " + response.status()
                        + (response.description() == null ? "" : ": " + response.description()) + note;
        return new AdfRestAuthenticationException(AuthenticationType.OAUTH2_CLIENT_CREDENTIAL.adfName(), principal,
                response.error(), masking.scrub(detail));
    }

    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(signIn.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER) // the secret goes to the configured endpoint only
                    .version(HttpClient.Version.HTTP_1_1);
            if (signIn.sslContext() != null) {
                builder.sslContext(signIn.sslContext());
            }
            client = signIn.proxy().configure(builder).build();
        }
        return client;
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public synchronized void close() {
        client = null; // the JDK's client has nothing to close before Java 21; its thread ends with it
    }

    @Override
    public String toString() {
        return AuthenticationType.OAUTH2_CLIENT_CREDENTIAL.adfName() + "[" + principal + "]";
    }

    /** A token endpoint's answer: RFC 6749 section 5.1 (success) or 5.2 (error); json is null unless an object. */
    private record TokenResponse(int status, String body, JsonNode json, String retryAfterHeader) {

        static TokenResponse of(int status, String body, String retryAfter) {
            JsonNode json;
            try {
                json = body.isBlank() ? null : Json.MAPPER.readTree(body);
            } catch (IOException e) {
                json = null;
            }
            return new TokenResponse(status, body, json != null && json.isObject() ? json : null, retryAfter);
        }

        /** A failure worth another try: the server is busy or failing, not refusing this client. */
        boolean transientFailure() {
            return status == 408 || status == 429 || status >= 500 && status != 501 && status != 505;
        }

        /** Retry-After in seconds (the form token endpoints use); null when absent or another form. */
        Duration retryAfter() {
            String value = retryAfterHeader == null ? "" : retryAfterHeader.trim();
            return value.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : null;
        }

        /** A success with a token in it (some servers answer errors with 200). */
        boolean ok() {
            return status >= 200 && status < 300 && json != null && json.path("access_token").isTextual()
                   && !json.path("access_token").asText().isEmpty();
        }

        String error() {
            return json == null || !json.path("error").isTextual() ? null : json.path("error").asText();
        }

        String description() {
            if (json != null && json.path("error_description").isTextual()) {
                return json.path("error_description").asText();
            }
            if (status >= 200 && status < 300 && error() == null) {
                return "the response has no access_token";
            }
            if (json != null || body.isBlank()) {
                return null;
            }
            String text = body.replaceAll("\\s+", " ").trim();
            return text.length() <= DETAIL_CHARS ? text : text.substring(0, DETAIL_CHARS) + "...";
        }

        /**
         * Whether sending the credentials another way might help: the server said invalid_client or invalid_request,
         * or refused the request (4xx) without an RFC 6749 error. Errors about the grant or the scope are not about
         * that, nor are rate limits and server faults.
         */
        boolean mayBeClientAuthentication() {
            if (status < 400 || status >= 500 || status == 429) {
                return false;
            }
            String error = error();
            return error == null || error.equals("invalid_client") || error.equals("invalid_request");
        }
    }
}
