package dev.adfrest.camel.http;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * A hook on the Apache HttpClient 5 client an adfrest endpoint sends its API requests with (option
 * {@code httpClientConfigurer}, a bean): add OpenTelemetry or Micrometer instrumentation, request or response
 * interceptors. It is called once per endpoint, after adfrest set the builder up and before the client is built.
 * <p>
 * Leave the connection manager, the default request configuration, the retry and redirect strategies and the
 * component's own interceptors as they are: they carry the timeouts, the size limits, the host policy and where
 * credentials may go. An interceptor sees every request with its credentials: it must not log them.
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configure(HttpClientBuilder builder);
}
