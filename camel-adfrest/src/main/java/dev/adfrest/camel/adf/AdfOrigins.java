package dev.adfrest.camel.adf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import dev.adfrest.camel.support.UrlTemplates;

/**
 * Which endpoint options an endpoint took from ADF definitions, and from where: lets a message about an option (a
 * malformed pagination rule, a URL placeholder no rule fills, a bad duration) also name the file and property the
 * value came from.
 */
public final class AdfOrigins {

    /** The side of a Copy activity an endpoint imported. */
    public enum Side {
        /** Its RestSource: the endpoint reads (a consumer, operation=read). */
        SOURCE,
        /** Its RestSink: the endpoint writes (operation=write). */
        SINK
    }

    /** An endpoint without imported definitions. */
    public static final AdfOrigins NONE = new AdfOrigins(Map.of(), null, null, false);

    private final Map<String, ImportedOptions.Origin> origins;
    private final Side side;
    private final String activity;
    private final boolean otherSideRest;

    /**
     * @param side          the side of a Copy activity imported, or null when no activity was
     * @param activity      the activity, as messages name it
     * @param otherSideRest whether the activity's other side is REST too (another endpoint can take it)
     */
    AdfOrigins(Map<String, ImportedOptions.Origin> origins, Side side, String activity, boolean otherSideRest) {
        this.origins = Map.copyOf(origins);
        this.side = side;
        this.activity = activity;
        this.otherSideRest = otherSideRest;
    }

    /**
     * Why an endpoint that imported one side of a Copy activity cannot be used for the other; null when it can.
     *
     * @param reads whether it is about to read (a consumer, operation=read) rather than write
     */
    public String refusal(boolean reads) {
        if (side == null || (side == Side.SOURCE) == reads) {
            return null;
        }
        if (reads) {
            return "This endpoint imported the RestSink of " + activity + ": it writes (use it in to(...))"
                   + (otherSideRest ? "; to read with the activity's RestSource, use another endpoint without"
                                      + " operation=write" : "");
        }
        return "This endpoint imported the RestSource of " + activity + ": it reads (use it in from(...) or with"
               + " operation=read)" + (otherSideRest ? "; to write with the activity's RestSink, use another endpoint"
                                                       + " with operation=write" : "");
    }

    /**
     * The message, with where the imported options it is about came from: {@code ... [relativeUrl comes from ADF
     * dataset 'Issues' (file:Issues.json), property properties.typeProperties.relativeUrl; fix it there, or set
     * relativeUrl on the endpoint, which wins]}. The message as it is when it is about no imported option.
     */
    public String explain(String message) {
        if (message == null || origins.isEmpty()) {
            return message;
        }
        Map<String, ImportedOptions.Origin> about = new LinkedHashMap<>();
        origins.forEach((option, origin) -> {
            if (mentions(message, option, origin)) {
                about.put(option, origin);
            }
        });
        about.keySet().removeIf(option -> about.keySet().stream().anyMatch(o -> o.startsWith(option + ".")));
        if (about.isEmpty()) {
            return message;
        }
        List<String> notes = new ArrayList<>();
        about.forEach((option, origin) -> notes.add(AdfImport.BASE_URL.equals(option)
                ? "the base URL comes from " + origin.describe() + "; fix it there, or give the base URL as the"
                  + " endpoint's path (adfrest:https://...), which wins"
                : option + " comes from " + origin.describe() + "; fix it there, or set " + option
                  + " on the endpoint, which wins"));
        return message + " [" + String.join("; ", notes) + "]";
    }

    private static boolean mentions(String message, String option, ImportedOptions.Origin origin) {
        int dot = option.indexOf('.');
        if (dot > 0) {
            String parent = option.substring(0, dot);
            String key = option.substring(dot + 1);
            // pagination rules are quoted as the user wrote them ("key": "value"); headers by name with their option
            return parent.equals("paginationRules") ? message.contains("\"" + key + "\"")
                    : message.contains("'" + parent + "'") && message.contains("'" + key + "'");
        }
        if (message.contains("'" + option + "'")) {
            return true;
        }
        if (origin.value() != null) {
            Matcher m = UrlTemplates.VARIABLE.matcher(origin.value());
            while (m.find()) {
                if (message.contains(m.group())) {
                    return true;
                }
            }
        }
        return false;
    }
}
