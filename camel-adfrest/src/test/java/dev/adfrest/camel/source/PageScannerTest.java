package dev.adfrest.camel.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.adfrest.camel.pagination.PageRequest;
import dev.adfrest.camel.pagination.PageResponse;
import dev.adfrest.camel.pagination.PaginationException;
import dev.adfrest.camel.pagination.PaginationRules;
import dev.adfrest.camel.pagination.PaginationSettings;
import dev.adfrest.camel.pagination.Paginator;
import dev.adfrest.camel.pagination.Step;
import dev.adfrest.camel.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming pass: it refuses exactly what the whole-tree parse refused, with the same message, and the engine
 * decides the same on the values it picks out as on the whole page.
 */
class PageScannerTest {

    static final PageRequest FIRST = new PageRequest("GET", "https://api.example.com/items", Map.of(), null);

    /** What the engine makes of a page: the next request, the stop, or the error. */
    static String decision(PaginationRules rules, JsonNode body) {
        try {
            Step step = new Paginator(rules, PaginationSettings.DEFAULTS, FIRST)
                    .next(FIRST, new PageResponse(200, Map.of(), body));
            return step instanceof Step.Next n ? "next " + n.request() : "stop " + ((Step.Stop) step).reason() + ": "
                                                                        + ((Step.Stop) step).detail();
        } catch (PaginationException e) {
            return "error " + e.getMessage();
        }
    }

    static PageJson scanning(PaginationRules rules) {
        PageJson json = PageJson.of(rules, false);
        assertThat(json.readsWholeTree()).as("plain rules are read while streaming").isFalse();
        return json;
    }

    static PaginationRules rules(String... keysAndValues) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            rules.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return PaginationRules.parse(rules);
    }

    /** The engine's decision on the sparse tree, asserting it is the decision on the whole page. */
    static String sameDecision(PaginationRules rules, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String onWholePage = decision(rules, Json.MAPPER.readTree(bytes));
        assertThat(decision(rules, scanning(rules).read(bytes))).as(body).isEqualTo(onWholePage);
        assertThat(decision(rules, scanning(rules).read(new ByteArrayInputStream(bytes)))).as(body).isEqualTo(onWholePage);
        return onWholePage;
    }

    @Test
    void theNextLinkOfAnObjectPage() throws IOException {
        assertThat(sameDecision(rules("AbsoluteUrl", "$.paging.next"),
                "{\"data\": [{\"id\": 1}, {\"id\": 2}], \"paging\": {\"cursors\": {}, \"next\": \"https://api.example.com/items?after=2\"}}"))
                .startsWith("next ").contains("after=2");
    }

    @Test
    void anODataNextLinkInBrackets() throws IOException {
        assertThat(sameDecision(rules("AbsoluteUrl", "$['@odata.nextLink']"),
                "{\"@odata.context\": \"x\", \"value\": [1, 2], \"@odata.nextLink\": \"https://api.example.com/items?$skip=2\"}"))
                .contains("$skip=2");
    }

    @Test
    void aValueInsideAnArrayAndAtTheTopOfAnArrayPage() throws IOException {
        assertThat(sameDecision(rules("QueryParameters.after", "$.data[1].id"),
                "{\"data\": [{\"id\": 7}, {\"id\": 8}, {\"id\": 9}]}")).contains("after=8");
        assertThat(sameDecision(rules("QueryParameters.after", "$[0].cursor"),
                "[{\"cursor\": \"c2\"}, {\"cursor\": \"c3\"}]")).contains("after=c2");
        assertThat(sameDecision(rules("QueryParameters.after", "$[5].cursor"), "[{\"cursor\": \"c2\"}]"))
                .startsWith("stop NO_NEXT_VALUE");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"next\": null}", "{}", "{\"next\": \"\"}", "{\"next\": []}", "{\"next\": [null]}",
                             "[]", "42", "\"text\"", "   ", "{\"next\": {\"href\": \"/a\"}}", "{\"next\": [\"/a\", \"/b\"]}",
                             "{\"next\": [\"/only\"]}", "{\"next\": [{\"href\": \"/a\"}]}", "{\"next\": 3.50}",
                             "{\"next\": 12345678901234567890}", "{\"next\": true}", "{\"next\": \"/a\", \"next\": null}",
                             "{\"next\": \"javascript:alert(1)\"}" })
    void missingNullEmptyObjectsArraysAndOddValuesGiveTheSameDecision(String body) throws IOException {
        sameDecision(rules("AbsoluteUrl", "$.next"), body);
    }

    @Test
    void anObjectValueIsTheSameEngineError() throws IOException {
        assertThat(sameDecision(rules("AbsoluteUrl", "$.next"), "{\"next\": {\"href\": \"/a\", \"rel\": \"next\"}}"))
                .startsWith("error ").contains("selects an object on page 1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Empty", "NonExist", "Exist", "Const:0", "Const:true", "Const:done" })
    void endConditionsOnArraysObjectsAndValues(String check) throws IOException {
        for (String body : new String[] { "{\"data\": []}", "{\"data\": [1]}", "{\"data\": [{}, {}]}",
                                          "{\"data\": {}}", "{\"data\": {\"a\": 1}}", "{\"data\": null}", "{}",
                                          "{\"data\": 0}", "{\"data\": \"true\"}", "{\"data\": \"done\"}",
                                          "{\"data\": \"\"}", "{\"data\": [[]]}", "[{\"data\": []}]" }) {
            sameDecision(rules("EndCondition:$.data", check), body);
        }
    }

    @Test
    void aRuleReadingAContainerAndOneReadingInsideItAgree() throws IOException {
        PaginationRules both = rules("EndCondition:$.data", "Empty", "QueryParameters.after", "$.data[0].id",
                "Headers.X-Last", "$.data[1]");
        sameDecision(both, "{\"data\": [{\"id\": \"a\"}, \"b\", 3]}");
        sameDecision(both, "{\"data\": [\"x\"]}");
        sameDecision(both, "{\"data\": []}");
        sameDecision(both, "{\"data\": {\"0\": {\"id\": 1}}}");
    }

    @Test
    void escapedNamesAndUnicodeAreMatchedAsDecoded() throws IOException {
        assertThat(sameDecision(rules("QueryParameters.c", "$['n\u00e4chste Seite']"),
                "{\"n\\u00e4chste Seite\": \"z\\\"1\"}")).contains("c=z%221");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"a\":1} {\"b\":2}", "{\"a\":1} 2", "{\"a\":1} <html>", "{\"a\":1}]", "[1,2",
                             "{\"next\":\"x", "{\"a\":tru}", "{\"a\":01}", "{\"a\":NaN}", "{'a':1}", "<html></html>",
                             "{\"a\":1,}" })
    void itRefusesWhatReadTreeRefusesWithTheSameMessage(String body) {
        assertSameRefusal(body);
    }

    @Test
    void aNumberLongerThanJacksonAllowsIsRefusedAsBefore() {
        assertSameRefusal("{\"data\": [1, " + "7".repeat(2000) + "], \"next\": null}");
    }

    private static void assertSameRefusal(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String expected = failure(() -> Json.MAPPER.readTree(bytes));
        PageJson json = scanning(rules("AbsoluteUrl", "$.next"));

        assertThat(expected).as("readTree refuses " + body).isNotNull();
        assertThat(failure(() -> json.read(bytes))).isEqualTo(expected);
        assertThat(failure(() -> json.read(new ByteArrayInputStream(bytes)))).isEqualTo(expected);
    }

    @Test
    void tooDeepIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        byte[] bytes = deep.getBytes(StandardCharsets.UTF_8);

        assertThat(failure(() -> scanning(rules("AbsoluteUrl", "$[0][0][0]")).read(bytes)))
                .isEqualTo(failure(() -> Json.MAPPER.readTree(bytes)))
                .contains("nesting depth");
    }

    @Test
    void rulesThatNeedFullJsonPathOrMappingReadTheWholeTree() {
        assertThat(PageJson.of(rules("AbsoluteUrl", "$.links[?(@.rel=='next')].href"), false).readsWholeTree()).isTrue();
        assertThat(PageJson.of(rules("AbsoluteUrl", "$.next"), true).readsWholeTree()).isTrue();
    }

    interface Parse {
        Object run() throws IOException;
    }

    /** The exception type and Jackson's own message (without the location), or null when it parses. */
    private static String failure(Parse parse) {
        try {
            parse.run();
            return null;
        } catch (JsonProcessingException e) {
            return e.getClass().getSimpleName() + ": " + e.getOriginalMessage();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
