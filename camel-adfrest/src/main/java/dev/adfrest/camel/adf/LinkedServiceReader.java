package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.AdfRestConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RestService linked service: its url and every typeProperty become the same-named endpoint option.
 */
final class LinkedServiceReader {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedServiceReader.class);

    /** ADF properties read as plain values, each the endpoint option of the same name. */
    static final List<String> PLAIN = List.of("enableServerCertificateValidation", "authenticationType", "userName",
            "servicePrincipalId", "tenant", "aadResourceId", "azureCloudType", "servicePrincipalCredentialType",
            "tokenEndpoint", "clientId", "scope", "resource");
    /** ADF properties that hold secrets (SecureString or plain), each the endpoint option of the same name. */
    static final List<String> SECRET = AdfRestConfiguration.SECRETS.scalarNames();

    private static final Set<String> PROPERTIES = Set.of("type", "typeProperties");
    private static final Set<String> BOOKKEEPING = Set.of("annotations", "description", "connectVia", "parameters",
            "lastPublishTime");
    /** The spelling of Microsoft's own API-key sample ("authHeader"), read as authHeaders. */
    static final String AUTH_HEADER_SINGULAR = "authHeader";

    private LinkedServiceReader() {
    }

    /** What an ARM template's linked service must be for adfrest to pick it without a #name. */
    static boolean isRest(ArmTemplate.Resource r) {
        return "RestService".equals(r.node().path("properties").path("type").asText());
    }

    static void read(AdfDefinition ls, ImportedOptions into) {
        ls.checkType("type", "RestService");
        ls.checkKnown(ls.path(), ls.properties(), PROPERTIES, BOOKKEEPING);
        JsonNode type = ls.get("typeProperties");
        if (!type.isObject()) {
            throw new IllegalArgumentException(ls.describe() + ": " + ls.at("typeProperties") + " (with the url) is"
                                               + " missing; give the linked service's whole JSON");
        }
        Set<String> handled = new HashSet<>(PLAIN);
        handled.addAll(SECRET);
        handled.addAll(Set.of("url", "authHeaders", AUTH_HEADER_SINGULAR, "credential", "encryptedCredential"));
        ls.checkKnown(ls.at("typeProperties"), type, handled, Set.of());

        into.url(ls, "typeProperties.url", AdfImport.BASE_URL);
        PLAIN.forEach(p -> into.scalar(ls, "typeProperties." + p, p, false));
        SECRET.forEach(p -> into.scalar(ls, "typeProperties." + p, p, true));
        authHeaders(ls, type, into);

        JsonNode credential = type.path("credential");
        if (!credential.isMissingNode() && !credential.isNull()) {
            into.refuse("managedIdentityClientId", ls.describe() + ": " + ls.at("typeProperties.credential")
                    + " refers to the factory credential '" + credential.path("referenceName").asText("?") + "', which"
                    + " adfrest cannot read. For a user-assigned managed identity, set the option"
                    + " 'managedIdentityClientId' to the identity's client id on the endpoint");
        }
        if (type.has("encryptedCredential")) {
            encryptedCredential(ls, type, into);
        }
    }

    /** authHeaders (or Microsoft's sample spelling authHeader); Accept is left out, as ADF does. */
    private static void authHeaders(AdfDefinition ls, JsonNode type, ImportedOptions into) {
        String property = "typeProperties.authHeaders";
        if (type.has(AUTH_HEADER_SINGULAR)) {
            if (type.has("authHeaders")) {
                throw new IllegalArgumentException(ls.describe() + ": " + ls.at("typeProperties") + " has both "
                                                   + AUTH_HEADER_SINGULAR + " and authHeaders; keep authHeaders (the"
                                                   + " name ADF documents) and merge the headers of "
                                                   + AUTH_HEADER_SINGULAR + " into it");
            }
            property = "typeProperties." + AUTH_HEADER_SINGULAR;
            LOG.warn("{}: {} is read as authHeaders (Microsoft's API-key sample spells it '{}'); rename it to"
                     + " authHeaders, the property ADF documents", ls.describe(), ls.at(property), AUTH_HEADER_SINGULAR);
        }
        List<String> accept = new ArrayList<>();
        into.map(ls, property, "authHeaders", true, name -> {
            boolean isAccept = name.trim().equalsIgnoreCase("Accept");
            if (isAccept) {
                accept.add(name);
            }
            return isAccept;
        });
        if (!accept.isEmpty()) {
            LOG.info("{}: {} not imported: every request accepts application/json, as in ADF", ls.describe(),
                    AdfDefinition.child(ls.at(property), accept.get(0)));
        }
    }

    /**
     * ADF keeps a linked service's secrets in encryptedCredential in its Git integration and for self-hosted
     * integration runtimes, out of reach: the secret options its authentication type needs must be given on the
     * endpoint or the component.
     */
    private static void encryptedCredential(AdfDefinition ls, JsonNode type, ImportedOptions into) {
        String auth = type.path("authenticationType").asText("Anonymous");
        boolean cert = "ServicePrincipalCert".equals(type.path("servicePrincipalCredentialType").asText());
        List<String> needed = switch (auth) {
            case "Basic" -> List.of("password");
            case "AadServicePrincipal" -> List.of(cert ? "servicePrincipalEmbeddedCert" : "servicePrincipalKey");
            case "OAuth2ClientCredential" -> List.of("clientSecret");
            default -> List.of();
        };
        String at = ls.at("typeProperties.encryptedCredential");
        boolean missing = false;
        for (String option : needed) {
            if (!type.has(option)) {
                missing = true;
                into.refuse(option, ls.describe() + ": the " + option + " of authenticationType " + auth + " is in "
                        + at + ", which ADF encrypted (its Git integration and self-hosted integration runtimes keep"
                        + " secrets there) and adfrest cannot decrypt. Set the option '" + option + "' on the endpoint ("
                        + option + "={{my." + option + "}}) or on the component");
            }
        }
        if (!missing) {
            LOG.info("{}: {} holds secrets ADF encrypted, which adfrest cannot decrypt; if the API needs one (an"
                     + " authHeaders value), give it as an endpoint option (authHeaders.x-api-key={{my.apiKey}})",
                    ls.describe(), at);
        }
    }
}
