package dev.adfrest.camel.adf;

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
    private static final Set<String> BOOKKEEPING = Set.of("annotations", "description", "connectVia", "parameters");

    private LinkedServiceReader() {
    }

    static void read(AdfDefinition ls, ImportedOptions into) {
        ls.checkType("type", "RestService");
        ls.checkKnown("", ls.properties(), PROPERTIES, BOOKKEEPING);
        JsonNode type = ls.get("typeProperties");
        if (!type.isObject()) {
            throw new IllegalArgumentException(ls.describe() + ": typeProperties (with the url) is missing");
        }
        Set<String> handled = new HashSet<>(PLAIN);
        handled.addAll(SECRET);
        handled.addAll(Set.of("url", "authHeaders", "credential", "encryptedCredential"));
        ls.checkKnown("typeProperties.", type, handled, Set.of());

        into.scalar(ls, "typeProperties.url", AdfImport.BASE_URL, false);
        PLAIN.forEach(p -> into.scalar(ls, "typeProperties." + p, p, false));
        SECRET.forEach(p -> into.scalar(ls, "typeProperties." + p, p, true));
        into.map(ls, "typeProperties.authHeaders", "authHeaders", true);

        JsonNode credential = type.path("credential");
        if (!credential.isMissingNode() && !credential.isNull()) {
            into.refuse("managedIdentityClientId", ls.describe() + ": typeProperties.credential refers to the"
                    + " factory credential '" + credential.path("referenceName").asText("?") + "', which adfrest"
                    + " cannot read. For a user-assigned managed identity, set the option 'managedIdentityClientId'"
                    + " to the identity's client id on the endpoint");
        }
        if (type.has("encryptedCredential")) {
            LOG.info("{}: typeProperties.encryptedCredential holds secrets encrypted by ADF, which adfrest cannot"
                     + " decrypt; give them as endpoint options (e.g. password={{rest.password}})", ls.describe());
        }
    }
}
