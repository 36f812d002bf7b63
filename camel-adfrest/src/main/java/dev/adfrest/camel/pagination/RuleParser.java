package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import dev.adfrest.camel.pagination.PaginationRules.Check;
import dev.adfrest.camel.pagination.PaginationRules.EndCondition;
import dev.adfrest.camel.pagination.PaginationRules.RangeRule;
import dev.adfrest.camel.pagination.PaginationRules.ValueRule;
import dev.adfrest.camel.support.UrlTemplates;

/**
 * Reads ADF's rule dictionary: keys are case-sensitive as in ADF (except SupportRFC5988, which ADF's own article spells
 * both ways); every error quotes the rule and says what is wrong.
 */
final class RuleParser {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** What a mistyped RANGE looks like: three numbers after some word (ADF's own article writes "RARNGE"). */
    private static final Pattern RANGE_LIKE = Pattern.compile("(?i)[a-z]+:[-+0-9 ]*:[-+0-9 ]*:[-+0-9 ]*");
    private static final List<String> KEYS = List.of("AbsoluteUrl", "QueryParameters", "Headers", "Body",
            "EndCondition:", "MaxRequestNumber", "SupportRFC5988");
    private static final String HEADERS = "headers";

    private RuleParser() {
    }

    static PaginationRules parse(Map<String, String> rules) {
        List<ValueRule> values = new ArrayList<>();
        List<RangeRule> ranges = new ArrayList<>();
        List<EndCondition> ends = new ArrayList<>();
        Map<String, String> claimed = new HashMap<>();
        OptionalLong max = OptionalLong.empty();
        Boolean rfc5988 = null;
        for (Map.Entry<String, String> entry : rules.entrySet()) {
            String key = entry.getKey() == null ? "" : entry.getKey().trim();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            String rule = quote(key, entry.getValue());
            try {
                if (key.startsWith("EndCondition:")) {
                    ends.add(endCondition(rule, key.substring("EndCondition:".length()).trim(), value));
                } else if (key.equals("MaxRequestNumber")) {
                    max = maxRequestNumber(value);
                } else if (key.equalsIgnoreCase("SupportRFC5988")) {
                    rfc5988 = flag(value);
                } else {
                    Target target = target(key);
                    claim(claimed, target, rule);
                    if (Range.isRange(value)) {
                        if (target instanceof Target.Url) {
                            throw new IllegalArgumentException("AbsoluteUrl takes a JSONPath or Headers.<name>; to count"
                                                               + " through URLs write AbsoluteUrl.{var} with {var} in the URL");
                        }
                        ranges.add(new RangeRule(key, rule, target, Range.parse(value)));
                    } else if (target instanceof Target.Placeholder p) {
                        throw new IllegalArgumentException("a " + p.token() + " key takes RANGE:start:end:step"
                                                           + rangeHint(value));
                    } else {
                        values.add(new ValueRule(rule, target, responseValue(value)));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid pagination rule " + rule + ": " + e.getMessage(), e);
            }
        }
        boolean nextRequestRules = !values.isEmpty() || !ranges.isEmpty();
        return new PaginationRules(rules, values, ranges, ends, max, rfc5988 != null ? rfc5988 : !nextRequestRules);
    }

    /** The rule as the user wrote it, for messages: {@code "QueryParameters.{offset}": "RANGE:0:10000:1000"}. */
    static String quote(String key, String value) {
        return "\"" + key + "\": " + (value == null ? "null" : "\"" + value + "\"");
    }

    private static Target target(String key) {
        if (key.equals("AbsoluteUrl")) {
            return new Target.Url();
        }
        for (String section : List.of("AbsoluteUrl", "QueryParameters", "Headers", "Body")) {
            if (key.startsWith(section) && key.length() > section.length()
                && (key.charAt(section.length()) == '.' || key.charAt(section.length()) == '[')) {
                return target(section, key.substring(section.length()));
            }
        }
        throw new IllegalArgumentException(unknownKey(key));
    }

    private static Target target(String section, String suffix) {
        List<String> names = names(suffix, section.equals("Body"));
        String first = names.get(0);
        if (first.startsWith("{")) {
            if (names.size() != 1 || !UrlTemplates.VARIABLE.matcher(first).matches()) {
                throw new IllegalArgumentException("'" + String.join(".", names) + "' is not a placeholder such as"
                                                   + " {offset} (letters, digits, _ . -)");
            }
            return new Target.Placeholder(section, first.substring(1, first.length() - 1));
        }
        return switch (section) {
            case "AbsoluteUrl" -> throw new IllegalArgumentException("AbsoluteUrl takes no name; AbsoluteUrl.{var}"
                                                                     + " fills a placeholder of the URL with a RANGE");
            case "QueryParameters" -> new Target.QueryParameter(first);
            case "Headers" -> new Target.Header(headerName(first));
            default -> new Target.BodyField(names);
        };
    }

    /**
     * The names after a section: {@code .name} (for Body, dots nest: {@code .a.b}), or {@code ['name']} (brackets may
     * repeat for Body: {@code ['a.b']['c']}).
     */
    private static List<String> names(String suffix, boolean nested) {
        List<String> names = new ArrayList<>();
        if (suffix.startsWith(".")) {
            String rest = suffix.substring(1);
            if (nested && !rest.startsWith("{")) {
                names.addAll(List.of(rest.split("\\.", -1)));
            } else {
                names.add(rest);
            }
        } else {
            int i = 0;
            while (i < suffix.length()) {
                if (suffix.charAt(i) != '[' || i + 1 >= suffix.length()
                    || (suffix.charAt(i + 1) != '\'' && suffix.charAt(i + 1) != '"')) {
                    throw new IllegalArgumentException("expected ['name'] at '" + suffix.substring(i) + "'");
                }
                char quote = suffix.charAt(i + 1);
                int close = suffix.indexOf(quote + "]", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [" + quote + "name" + quote + "]");
                }
                names.add(suffix.substring(i + 2, close));
                i = close + 2;
            }
            if (!nested && names.size() > 1) {
                throw new IllegalArgumentException("only one ['name'] is allowed here");
            }
        }
        if (names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a name is empty");
        }
        return names;
    }

    private static String headerName(String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid HTTP header name");
        }
        return name;
    }

    private static ResponseValue responseValue(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("it has no value; give a JSONPath starting with $, Headers.<name> or"
                                               + " RANGE:start:end:step");
        }
        if (value.startsWith("$")) {
            return bodyPath(value);
        }
        if (isHeaderReference(value)) {
            return header(value);
        }
        throw new IllegalArgumentException("the value must be a JSONPath starting with $, Headers.<name> or"
                                           + " RANGE:start:end:step" + rangeHint(value));
    }

    private static EndCondition endCondition(String rule, String where, String value) {
        ResponseValue tested;
        if (where.startsWith("$")) {
            tested = bodyPath(where);
        } else if (isHeaderReference(where)) {
            tested = header(where);
        } else {
            throw new IllegalArgumentException("EndCondition: tests a body JSONPath (EndCondition:$.data) or a response"
                                               + " header (EndCondition:headers.Complete)");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "empty" -> new EndCondition(rule, tested, Check.EMPTY, null);
            case "nonexist" -> new EndCondition(rule, tested, Check.NON_EXIST, null);
            case "exist" -> new EndCondition(rule, tested, Check.EXIST, null);
            default -> {
                if (!lower.startsWith("const:")) {
                    throw new IllegalArgumentException("the value must be Empty, NonExist, Exist or Const:<value>");
                }
                String constant = value.substring("const:".length()).trim();
                if (constant.isEmpty()) {
                    throw new IllegalArgumentException("Const: needs the value to compare with, e.g. Const:true");
                }
                yield new EndCondition(rule, tested, Check.CONST, constant);
            }
        };
    }

    private static boolean isHeaderReference(String text) {
        return text.regionMatches(true, 0, HEADERS, 0, HEADERS.length())
               && text.length() > HEADERS.length()
               && (text.charAt(HEADERS.length()) == '.' || text.charAt(HEADERS.length()) == '[');
    }

    private static ResponseValue header(String text) {
        return new ResponseValue.ResponseHeader(headerName(names(text.substring(HEADERS.length()), false).get(0)));
    }

    private static ResponseValue.BodyPath bodyPath(String path) {
        try {
            if (!balanced(path)) { // Jayway reads "$.paging[" as $.paging: refuse what the user did not mean
                throw new IllegalArgumentException("a [ or ( is not closed");
            }
            return new ResponseValue.BodyPath(path, JsonPath.compile(path));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + path + "' is not a valid JSONPath: " + e.getMessage());
        }
    }

    /** Whether brackets and parentheses outside quotes pair up. */
    private static boolean balanced(String path) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    private static OptionalLong maxRequestNumber(String value) {
        if (value.isEmpty()) {
            return OptionalLong.empty(); // ADF: "leave it empty for no limit"
        }
        try {
            long max = Long.parseLong(value);
            if (max >= 1) {
                return OptionalLong.of(max);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("MaxRequestNumber must be a whole number of at least 1 (empty: no limit)");
    }

    private static Boolean flag(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("SupportRFC5988 must be true or false");
    }

    private static void claim(Map<String, String> claimed, Target target, String rule) {
        String identity;
        if (target instanceof Target.QueryParameter q) {
            identity = "query:" + q.name();
        } else if (target instanceof Target.Header h) {
            identity = "header:" + h.name().toLowerCase(Locale.ROOT);
        } else if (target instanceof Target.BodyField b) {
            identity = "body:" + String.join("\u0000", b.path());
        } else if (target instanceof Target.Placeholder p) {
            identity = "var:" + p.variable();
        } else {
            identity = "url";
        }
        String previous = claimed.putIfAbsent(identity, rule);
        if (previous != null) {
            throw new IllegalArgumentException("rule " + previous + " already sets " + target.describe());
        }
    }

    private static String unknownKey(String key) {
        for (String known : KEYS) {
            if (key.regionMatches(true, 0, known, 0, known.length()) && !key.startsWith(known)) {
                return "keys are case-sensitive: write " + known + key.substring(known.length());
            }
        }
        return "unknown key; the keys are AbsoluteUrl, AbsoluteUrl.{var}, QueryParameters.<name>,"
               + " Headers.<name>, Body.<field>, EndCondition:<where>, MaxRequestNumber and SupportRFC5988";
    }

    private static String rangeHint(String value) {
        return !Range.isRange(value) && RANGE_LIKE.matcher(value).matches() ? " (did you mean RANGE:?)" : "";
    }
}
