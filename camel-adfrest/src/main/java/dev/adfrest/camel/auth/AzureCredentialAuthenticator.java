package dev.adfrest.camel.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Configuration;
import com.azure.identity.CredentialBuilderBase;
import com.microsoft.aad.msal4j.MsalException;
import dev.adfrest.camel.AdfRestAuthenticationException;
import dev.adfrest.camel.support.Masking;

/**
 * The Azure token types: an azure-identity {@link TokenCredential} asked for the {@code <aadResourceId>/.default}
 * scope. azure-identity (through MSAL) signs in, caches and knows the clouds; this class adds the refresh policy of
 * {@link BearerTokenAuthenticator} and turns failures into messages that name the principal and the error code.
 */
abstract class AzureCredentialAuthenticator extends BearerTokenAuthenticator {

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");
    /** How MSAL words a managed identity endpoint's error: "[Managed Identity] Error Code: invalid_request ...". */
    private static final Pattern MI_ERROR_CODE = Pattern.compile("Error Code: ([\\w.-]+)");
    private static final int DETAIL_LIMIT = 600;

    private final String type;
    private final String principal;
    private final TokenRequestContext request;
    private final Supplier<TokenCredential> credentials;
    private final Masking masking;
    private TokenCredential credential;

    /**
     * @param credentials builds the credential when the first token is needed, and again after a 401 (a new
     *                    credential starts with an empty token cache)
     * @param secrets     values to scrub from error messages
     */
    protected AzureCredentialAuthenticator(String type, String principal, String aadResourceId,
                                           Supplier<TokenCredential> credentials, List<String> secrets, SignIn signIn) {
        super(signIn.clock());
        this.type = type;
        this.principal = principal;
        this.request = new TokenRequestContext().addScopes(scopeOf(aadResourceId));
        this.credentials = credentials;
        this.masking = Masking.of(secrets);
    }

    /** ADF's aadResourceId as a v2 scope; "https://x/" becomes "https://x//.default", which Entra ID expects. */
    static String scopeOf(String aadResourceId) {
        String resource = aadResourceId.trim();
        return resource.endsWith("/.default") ? resource : resource + "/.default";
    }

    /**
     * Sends a credential's requests with the endpoint's trust and timeout, and never logs them, whatever
     * AZURE_HTTP_LOG_DETAIL_LEVEL says: their bodies hold secrets and tokens.
     */
    static <T extends CredentialBuilderBase<T>> T withTransport(T builder, SignIn signIn) {
        return builder.httpClient(httpClient(signIn))
                .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE));
    }

    /**
     * The endpoint's maxRetries and backoff for a credential's token requests (azure-core retries 5xx, 429 and I/O
     * faults). Managed identity keeps azure-identity's own policy for the identity endpoint, with maxRetries.
     */
    static RetryOptions retryOptions(SignInRetry retry) {
        Duration base = retry.initialDelay().isZero() ? Duration.ofMillis(1) : retry.initialDelay();
        Duration max = retry.maxWait().compareTo(base) < 0 ? base : retry.maxWait();
        return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(retry.maxRetries()).setBaseDelay(base)
                .setMaxDelay(max));
    }

    /**
     * azure-core's HTTP client over the JDK's, with the endpoint's trust, timeout and proxy. Its own configuration
     * (HTTPS_PROXY and the like in the environment) is not read: the endpoint's proxy options say how sign-in hosts
     * are reached, as they do for the API.
     */
    private static HttpClient httpClient(SignIn signIn) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (signIn.sslContext() != null) {
            jdk.sslContext(signIn.sslContext());
        }
        return new JdkHttpClientBuilder(signIn.proxy().configure(jdk))
                .configuration(Configuration.NONE)
                .connectionTimeout(signIn.timeout())
                .responseTimeout(signIn.timeout())
                .build();
    }

    @Override
    protected final BearerToken fetchToken(Instant now) {
        try {
            if (credential == null) {
                credential = credentials.get();
            }
            AccessToken token = credential.getTokenSync(request);
            if (token == null || token.getToken() == null || token.getToken().isEmpty()) {
                throw new AdfRestAuthenticationException(type, principal, null, "the credential returned no token");
            }
            return BearerToken.of(token.getToken(), now,
                    token.getExpiresAt() == null ? null : token.getExpiresAt().toInstant(),
                    token.getRefreshAt() == null ? null : token.getRefreshAt().toInstant());
        } catch (AdfRestAuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    @Override
    protected void forgetCachedTokens() {
        credential = null;
    }

    /** The most telling error code and message in an azure-identity / MSAL failure, with no secret in it. */
    private AdfRestAuthenticationException failure(RuntimeException e) {
        MsalException msal = find(e, MsalException.class);
        String code = null;
        String detail;
        if (msal != null) {
            detail = msal.getMessage();
            Matcher mi = detail == null ? null : MI_ERROR_CODE.matcher(detail);
            code = mi != null && mi.find() ? mi.group(1) : msal.errorCode();
        } else {
            detail = describe(e);
        }
        if (code == null && detail != null) {
            Matcher aadsts = AADSTS.matcher(detail);
            code = aadsts.find() ? aadsts.group() : null;
        }
        return new AdfRestAuthenticationException(type, principal, code, shorten(masking.scrub(detail)));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= DETAIL_LIMIT ? oneLine : oneLine.substring(0, DETAIL_LIMIT) + "...";
    }

    @Override
    public String toString() {
        return type + "[" + principal + "]";
    }
}
