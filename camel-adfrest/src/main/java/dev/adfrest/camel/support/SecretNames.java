package dev.adfrest.camel.support;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.camel.util.SensitiveUtils;

/**
 * The one rule for names of headers and query parameters that look like they carry a credential ({@code api_key},
 * {@code Ocp-Apim-Subscription-Key}, {@code X-Amz-Signature}, {@code access_token}, {@code sig}, {@code code}, ...).
 * Values under such names are masked wherever they are shown, go only to the base URL's origin, and are never kept
 * in the resume state.
 * <p>
 * Pagination cursors often carry the word "token" or "key" ({@code nextPageToken}, {@code $skiptoken},
 * {@code continuationToken}, {@code pageKey}): they are positions, not credentials, and stay visible and saved.
 */
public final class SecretNames {

    private static final Pattern SECRET_WORD
            = Pattern.compile(".*(key|token|secret|passw|pwd|signature|credential|authoriz|session).*");
    /** Names that are secrets only as a whole: a SAS signature, an OAuth authorization code, ... */
    private static final Set<String> SECRET_NAMES = Set.of("sig", "code", "auth", "xauth", "sas", "pass", "otp");
    /** Words of cursor parameters; they win over the words above. */
    private static final Pattern CURSOR_WORD
            = Pattern.compile(".*(page|next|continuation|cursor|sync|offset|skip|scroll|marker|resume).*");
    /** Ordinary names that happen to contain a secret word. */
    private static final Pattern NOT_SECRET = Pattern.compile(".*(keyword|monkey|turkey|hockey|jockey).*");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

    /**
     * Verdicts already reached, by name as given. Every request URL is masked for its exchange header, and the same
     * few query parameter names come back on every page: the rule (Camel's list, three regular expressions) runs once
     * per name, not once per page. Bounded, as the names come from the API's next links: past the bound, names are
     * decided each time.
     */
    private static final Map<String, Boolean> VERDICTS = new ConcurrentHashMap<>();
    static final int MAX_REMEMBERED = 1024;

    private SecretNames() {
    }

    /** Whether a header or query parameter name looks like it carries a credential; letter case is ignored. */
    public static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        Boolean known = VERDICTS.get(name);
        if (known != null) {
            return known;
        }
        boolean verdict = decide(name);
        if (VERDICTS.size() < MAX_REMEMBERED) {
            VERDICTS.put(name, verdict);
        }
        return verdict;
    }

    private static boolean decide(String name) {
        if (name.isBlank()) {
            return false;
        }
        if (SensitiveUtils.containsSensitive(name)) { // Camel's own list: password, apikey, access_token, ...
            return true;
        }
        String compact = NOT_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
        if (SECRET_NAMES.contains(compact)) {
            return true;
        }
        return SECRET_WORD.matcher(compact).matches() && !CURSOR_WORD.matcher(compact).matches()
               && !NOT_SECRET.matcher(compact).matches();
    }
}
