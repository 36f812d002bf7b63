package dev.adfrest.camel.pagination;

import java.util.List;

/**
 * Where a rule puts its value in the next request: the left-hand side of a pagination rule (Airbyte's "request
 * option").
 */
public sealed interface Target {

    /** How the user wrote it, for messages: {@code QueryParameters.offset}. */
    String describe();

    /** {@code AbsoluteUrl}: the whole URL of the next request. */
    record Url() implements Target {
        @Override
        public String describe() {
            return "AbsoluteUrl";
        }
    }

    /** {@code QueryParameters.<name>}: one query parameter, replacing any of the same name. */
    record QueryParameter(String name) implements Target {
        @Override
        public String describe() {
            return "QueryParameters['" + name + "']";
        }
    }

    /** {@code Headers.<name>}: one request header, replacing any of the same name (ignoring case). */
    record Header(String name) implements Target {
        @Override
        public String describe() {
            return "Headers['" + name + "']";
        }
    }

    /** {@code Body.<a.b>} (beyond ADF): one field of the JSON request body; each element is one level of nesting. */
    record BodyField(List<String> path) implements Target {
        public BodyField {
            path = List.copyOf(path);
        }

        @Override
        public String describe() {
            return "Body['" + String.join("']['", path) + "']";
        }
    }

    /**
     * {@code AbsoluteUrl.{var}}, {@code QueryParameters.{var}}, {@code Headers.{var}}, {@code Body.{var}}: the
     * placeholder {@code {var}} written into the endpoint's URL, headers or body, filled with each RANGE value.
     *
     * @param section  the key's prefix (AbsoluteUrl, QueryParameters, Headers, Body): where the user says it is
     * @param variable the name between the braces
     */
    record Placeholder(String section, String variable) implements Target {
        /** The placeholder as written in the template. */
        public String token() {
            return "{" + variable + "}";
        }

        @Override
        public String describe() {
            return section + "." + token();
        }
    }
}
