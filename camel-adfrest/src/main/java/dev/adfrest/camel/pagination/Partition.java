package dev.adfrest.camel.pagination;

/**
 * One of {@code count} routes that share a RANGE run ({@code partitions=count&partition=index}). Number the requests
 * of the whole, unpartitioned run 0, 1, 2, …: this partition makes requests {@code index}, {@code index + count},
 * {@code index + 2·count}, … and nothing else, so the partitions together make each request of the run exactly once.
 * A page keeps its number in the whole run (request j is page j+1).
 * <p>
 * What stops the whole run keeps its meaning: a RANGE end and MaxRequestNumber bound the requests of the whole run (a
 * partition makes only those below them); an end condition or a 204 ends the partition that sees it, on the page it
 * sees it on, as the whole run would end there (APIs answer every offset past their data the same way: empty).
 *
 * @param index this partition, 0 to count-1
 * @param count how many partitions split the run, 1 or more
 */
public record Partition(int index, int count) {

    /** The run unsplit: every request. */
    public static final Partition WHOLE = new Partition(0, 1);

    /**
     * @throws IllegalArgumentException naming the option ({@code partitions}, {@code partition}) that is out of range
     */
    public Partition {
        if (count < 1) {
            throw new IllegalArgumentException("Option 'partitions' must be 1 or more, but is " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("Option 'partition' must be between 0 and " + (count - 1) + " (partitions="
                                               + count + "), but is " + index);
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    /**
     * Checks that these rules can be split: only when every request is known before the responses (RANGE rules).
     *
     * @throws IllegalArgumentException naming the options and the rule that prevents it
     */
    public void check(PaginationRules rules) {
        String because = rules.requestsNotKnownInAdvanceBecause();
        if (!isWhole() && because != null) {
            throw new IllegalArgumentException("Options 'partitions' and 'partition' split a run whose requests are known"
                                               + " in advance (RANGE pagination rules), but " + because);
        }
    }

    /** The key a saved position of this partition goes under: {@code key} itself for the whole run. */
    public String stateKey(String key) {
        return isWhole() ? key : key + "#partition-" + index + "-of-" + count;
    }

    @Override
    public String toString() {
        return "partition " + index + " of " + count;
    }
}
