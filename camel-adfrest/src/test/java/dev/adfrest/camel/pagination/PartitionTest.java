package dev.adfrest.camel.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.adfrest.camel.pagination.Fixtures.get;
import static dev.adfrest.camel.pagination.Fixtures.json;
import static dev.adfrest.camel.pagination.Fixtures.noContent;
import static dev.adfrest.camel.pagination.Fixtures.rules;
import static dev.adfrest.camel.pagination.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * partitions=k&amp;partition=i: k routes split one RANGE run (ADF's example 1, an offset in the query); partition i
 * takes requests i, i+k, i+2k, … of the whole run.
 */
class PartitionTest {

    static final PageRequest TEMPLATE = get("https://api.example.com/items?offset={offset}&limit=10");

    static Paginator partition(int index, int count, String... rules) {
        return new Paginator(PaginationRules.parse(rules(rules)),
                new PaginationSettings(false, false, new Partition(index, count)), TEMPLATE);
    }

    static List<String> offsets(Fixtures.Run run) {
        return run.urls().stream().map(u -> u.replaceAll(".*offset=(-?\\d+).*", "$1")).toList();
    }

    /** Data at offsets below 55; past that an empty list, as real offset APIs answer. */
    static final Function<PageRequest, PageResponse> API = request -> {
        int offset = Integer.parseInt(request.url().replaceAll(".*offset=(\\d+).*", "$1"));
        return json(offset < 55 ? "{\"data\":[" + offset + "]}" : "{\"data\":[]}");
    };

    @Test
    void threePartitionsOfAClosedRangeTakeEveryThirdOffset() {
        String[] range = { "QueryParameters.{offset}", "RANGE:0:90:10" };

        assertThat(offsets(run(partition(0, 3, range), API, 50))).containsExactly("0", "30", "60", "90");
        assertThat(offsets(run(partition(1, 3, range), API, 50))).containsExactly("10", "40", "70");
        assertThat(offsets(run(partition(2, 3, range), API, 50))).containsExactly("20", "50", "80");
        assertThat(run(partition(2, 3, range), API, 50).stop().detail())
                .isEqualTo("range \"QueryParameters.{offset}\": \"RANGE:0:90:10\" ends before the value 3 steps after 80");
    }

    @Test
    void pagesKeepTheirNumbersInTheWholeRun() {
        Paginator paginator = partition(1, 3, "QueryParameters.{offset}", "RANGE:0:90:10");
        assertThat(paginator.requestsMade() + 1).isEqualTo(2); // offset 10 is page 2

        paginator.next(paginator.first(), API.apply(paginator.first()));

        assertThat(paginator.requestsMade() + 1).isEqualTo(5); // offset 40 is page 5
        assertThat(paginator.pageStride()).isEqualTo(3);
    }

    @Test
    void maxRequestNumberCapsThePagesOfTheWholeRun() {
        String[] rules = { "QueryParameters.{offset}", "RANGE:0::10", "MaxRequestNumber", "5" };

        assertThat(offsets(run(partition(0, 3, rules), API, 50))).containsExactly("0", "30"); // pages 1, 4
        assertThat(offsets(run(partition(1, 3, rules), API, 50))).containsExactly("10", "40"); // pages 2, 5
        assertThat(offsets(run(partition(2, 3, rules), API, 50))).containsExactly("20"); // page 3; page 6 > 5
        assertThat(run(partition(2, 3, rules), API, 50).stop().detail())
                .isEqualTo("MaxRequestNumber 5 reached: the next page of partition 2 of 3 would be page 6");
    }

    @Test
    void aPartitionWhoseFirstPageIsPastTheEndOfTheRunRequestsNothing() {
        Paginator capped = partition(2, 3, "QueryParameters.{offset}", "RANGE:0::10", "MaxRequestNumber", "2");
        Paginator shortRange = partition(2, 3, "QueryParameters.{offset}", "RANGE:0:10:10");

        assertThat(capped.first()).isNull();
        assertThat(capped.plannedRequests(4)).isEmpty();
        assertThat(capped.stopsBeforeFirst()).get().extracting(Step.Stop::detail)
                .isEqualTo("partition 2 of 3 has no page: MaxRequestNumber 2 ends the run before page 3");
        assertThat(shortRange.stopsBeforeFirst()).get().extracting(Step.Stop::reason)
                .isEqualTo(Step.StopReason.RANGE_EXHAUSTED);
        assertThat(partition(1, 3, "QueryParameters.{offset}", "RANGE:0:10:10").stopsBeforeFirst()).isEmpty();
    }

    @Test
    void anEndConditionEndsEachPartitionAtItsOwnFirstEmptyPage() {
        String[] rules = { "QueryParameters.{offset}", "RANGE:0::10", "EndCondition:$.data", "Empty" };

        // the whole run: offsets 0..50 have data, 60 is empty and last
        assertThat(offsets(run(partition(0, 1, rules), API, 50))).containsExactly("0", "10", "20", "30", "40", "50", "60");
        assertThat(offsets(run(partition(0, 3, rules), API, 50))).containsExactly("0", "30", "60");
        assertThat(offsets(run(partition(1, 3, rules), API, 50))).containsExactly("10", "40", "70");
        assertThat(offsets(run(partition(2, 3, rules), API, 50))).containsExactly("20", "50", "80");
    }

    @Test
    void a204EndsThePartitionThatGetsIt() {
        Fixtures.Run run = run(partition(1, 2, "QueryParameters.{offset}", "RANGE:0::10"),
                r -> r.url().contains("offset=30") ? noContent() : API.apply(r), 50);

        assertThat(offsets(run)).containsExactly("10", "30");
        assertThat(run.stop().reason()).isEqualTo(Step.StopReason.NO_CONTENT);
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({ "1", "2", "3", "4", "7", "12", "13" })
    void thePartitionsTogetherMakeEachRequestOfTheWholeRunOnce(int k) {
        String[] rules = { "QueryParameters.{offset}", "RANGE:5:125:10", "Headers.X-Page", "RANGE:100:-100:-2",
                           "MaxRequestNumber", "11" };
        List<PageRequest> whole = run(partition(0, 1, rules), API, 100).requests();
        List<PageRequest> together = new ArrayList<>();
        int empty = 0;
        for (int i = 0; i < k; i++) {
            Paginator partition = partition(i, k, rules);
            if (partition.stopsBeforeFirst().isPresent()) {
                empty++;
            } else {
                together.addAll(run(partition, API, 100).requests());
            }
        }

        assertThat(whole).hasSize(11);
        assertThat(together).containsExactlyInAnyOrderElementsOf(whole);
        assertThat(empty).isEqualTo(Math.max(0, k - 11));
    }

    @Test
    void plannedRequestsStepByThePartitionCount() {
        Paginator paginator = partition(1, 3, "QueryParameters.{offset}", "RANGE:0:100:10", "MaxRequestNumber", "9");

        assertThat(paginator.plannedRequests(5)).extracting(PageRequest::url).containsExactly(
                "https://api.example.com/items?offset=40&limit=10", "https://api.example.com/items?offset=70&limit=10");
    }

    @Test
    void aSavedPositionResumesThePartitionItCameFrom() {
        Paginator first = partition(1, 3, "QueryParameters.{offset}", "RANGE:0:90:10");
        first.next(first.first(), API.apply(first.first()));
        PaginatorState saved = PaginatorState.fromJson(first.state().toJson()); // at offset 40, page 5

        Paginator resumed = Paginator.resume(PaginationRules.parse(rules("QueryParameters.{offset}", "RANGE:0:90:10")),
                new PaginationSettings(false, false, new Partition(1, 3)), TEMPLATE, saved);

        assertThat(offsets(run(resumed, API, 50))).containsExactly("40", "70");
        assertThatThrownBy(() -> Paginator.resume(PaginationRules.parse(rules("QueryParameters.{offset}",
                "RANGE:0:90:10")), new PaginationSettings(false, false, new Partition(2, 3)), TEMPLATE, saved))
                .hasMessage("The saved pagination state is at page 5, which is not a page of partition 2 of 3");
    }

    @Test
    void badPartitionOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> new Partition(0, 0)).hasMessage("Option 'partitions' must be 1 or more, but is 0");
        assertThatThrownBy(() -> new Partition(3, 3))
                .hasMessage("Option 'partition' must be between 0 and 2 (partitions=3), but is 3");
        assertThatThrownBy(() -> new Partition(-1, 3)).hasMessageContaining("Option 'partition'");
    }

    @Test
    void onlyRunsWhoseRequestsAreKnownInAdvanceSplit() {
        Partition two = new Partition(0, 2);

        assertThatThrownBy(() -> two.check(PaginationRules.parse(rules("AbsoluteUrl", "$.next"))))
                .hasMessage("Options 'partitions' and 'partition' split a run whose requests are known in advance"
                            + " (RANGE pagination rules), but the pagination rule \"AbsoluteUrl\": \"$.next\" takes"
                            + " the next request from each response");
        assertThatThrownBy(() -> two.check(PaginationRules.parse(rules())))
                .hasMessageContaining("Link header (RFC 5988)");
        Partition.WHOLE.check(PaginationRules.parse(rules("AbsoluteUrl", "$.next"))); // one partition: anything goes
    }

    @Test
    void aPartitionSavesItsPositionUnderItsOwnKey() {
        assertThat(Partition.WHOLE.stateKey("copy")).isEqualTo("copy");
        assertThat(new Partition(1, 3).stateKey("copy")).isEqualTo("copy#partition-1-of-3");
    }

    @Test
    void aRangeStepsManyTimesAtOnceWithoutOverflow() {
        Range range = new Range(0, 100L, 10);

        assertThat(range.after(20, 3)).hasValue(50);
        assertThat(range.after(80, 3)).isEmpty();
        assertThat(new Range(Long.MAX_VALUE - 5, null, 2).after(Long.MAX_VALUE - 5, 2)).hasValue(Long.MAX_VALUE - 1);
        assertThat(new Range(Long.MAX_VALUE - 5, null, 2).after(Long.MAX_VALUE - 5, 3)).isEmpty();
        assertThat(new Range(0, null, Long.MIN_VALUE / 2).after(-1, 3)).isEmpty();
    }
}
