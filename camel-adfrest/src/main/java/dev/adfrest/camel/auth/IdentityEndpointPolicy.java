package dev.adfrest.camel.auth;

import java.net.URI;
import java.net.URL;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * Sends managed identity token requests to the configured managedIdentityEndpoint, keeping their query (api-version,
 * resource, client_id) and headers. MSAL takes its identity endpoint from the process environment only; this policy,
 * on the credential's own HTTP pipeline, is the one public way to move it (for proxies and tests).
 */
final class IdentityEndpointPolicy implements HttpPipelinePolicy {

    private final String endpoint;

    IdentityEndpointPolicy(URI endpoint) {
        this.endpoint = endpoint.toString();
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        redirect(context.getHttpRequest());
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        redirect(context.getHttpRequest());
        return next.processSync();
    }

    private void redirect(HttpRequest request) {
        URL original = request.getUrl();
        String query = original.getQuery();
        String target = query == null || query.isEmpty() ? endpoint
                : endpoint + (endpoint.contains("?") ? "&" : "?") + query;
        request.setUrl(target);
    }
}
