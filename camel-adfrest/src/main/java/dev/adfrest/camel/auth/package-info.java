/**
 * ADF's authentication types, one class each behind {@link dev.adfrest.camel.auth.Authenticator}, chosen in one switch
 * ({@link dev.adfrest.camel.auth.Authenticators}); {@link dev.adfrest.camel.auth.Credentials} decides which requests
 * carry them. Sign-in goes through azure-identity (Microsoft Entra ID, managed identity) or the JDK's HTTP client
 * (OAuth 2.0 client credentials); sign-in failures are {@link dev.adfrest.camel.AdfRestAuthenticationException}. May
 * import the configuration, {@code support} and Camel's resource loading.
 */
package dev.adfrest.camel.auth;
