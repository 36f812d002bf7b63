package dev.adfrest.bench;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/**
 * One target an issue sets for adfrest on a workload, checked against one run's figures: met or not, and the figure.
 *
 * @param text  what is asked, as the table prints it
 * @param check the verdict from the run's figures
 */
public record Target(String text, BiFunction<Table, Workload, String> check) {

    /** A figure of one client on one workload: higher is better unless said otherwise. */
    public enum Measure {
        /** pages/s, median of the measured runs */
        PAGES_PER_SEC("pages/s", true),
        /** pages/s over the short rounds on the cold JVM */
        SHORT_PAGES_PER_SEC("pages/s in the short run", true),
        /** MB/s, median of the measured runs */
        MB_PER_SEC("MB/s", true),
        /** records/s, median of the measured runs (the sink) */
        RECORDS_PER_SEC("records/s", true),
        /** cold start: from the JVM's launch to the first page in the sink */
        COLD_FIRST_PAGE("time from JVM start to the first page", false),
        /** cold start: RSS at the end of the run */
        COLD_RSS("RSS after the run", false);

        private final String label;
        private final boolean higherIsBetter;

        Measure(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }

        OptionalDouble of(Table t, String workload, String client) {
            return switch (this) {
                case PAGES_PER_SEC -> value(t.steady(workload, client).map(Table.Steady::pagesPerSec));
                case SHORT_PAGES_PER_SEC -> value(t.shortRun(workload, client).map(Table.Short::pagesPerSec));
                case MB_PER_SEC -> value(t.steady(workload, client).map(Table.Steady::mbPerSec));
                case RECORDS_PER_SEC -> value(t.steady(workload, client).map(Table.Steady::recordsPerSec));
                case COLD_FIRST_PAGE -> value(t.cold(workload, client).map(Table.Cold::firstPageMs));
                case COLD_RSS -> value(t.cold(workload, client).map(Table.Cold::rssEndMb));
            };
        }

        /**
         * For the throughput measures, the same comparison by CPU per page or record ({@code base}'s over
         * {@code mine}'s: above 1 when mine costs less): what a busy machine disturbs least.
         */
        OptionalDouble cpuRatio(Table t, String workload, String mine, String base) {
            Optional<Double> m;
            Optional<Double> b;
            switch (this) {
                case PAGES_PER_SEC, MB_PER_SEC -> {
                    m = t.steady(workload, mine).map(Table.Steady::cpuPer1k);
                    b = t.steady(workload, base).map(Table.Steady::cpuPer1k);
                }
                case RECORDS_PER_SEC -> {
                    m = t.steady(workload, mine).map(Table.Steady::cpuPer1M);
                    b = t.steady(workload, base).map(Table.Steady::cpuPer1M);
                }
                case SHORT_PAGES_PER_SEC -> {
                    m = t.shortRun(workload, mine).map(Table.Short::cpuPer1k);
                    b = t.shortRun(workload, base).map(Table.Short::cpuPer1k);
                }
                default -> {
                    return OptionalDouble.empty();
                }
            }
            // a run shorter than the process clock's tick (10 ms) may read 0: then there is nothing to compare
            return m.isPresent() && b.isPresent() && m.get() > 0 && b.get() > 0 ? OptionalDouble.of(b.get() / m.get())
                    : OptionalDouble.empty();
        }

        private static OptionalDouble value(Optional<Double> v) {
            return v.map(OptionalDouble::of).orElse(OptionalDouble.empty());
        }
    }

    /**
     * {@code mine} reaches {@code factor} times {@code base} on the measure: at least (higher is better) or at most
     * (lower is better).
     */
    public static Target ratio(String mine, String base, double factor, Measure measure) {
        return ratio(mine, base, factor, measure, true);
    }

    /** {@code mine}'s pages/s at least {@code factor} times {@code base}'s: the same work, done in parallel. */
    public static Target speedup(String mine, String base, double factor) {
        return ratio(mine, base, factor, Measure.PAGES_PER_SEC, false);
    }

    /** @param byCpu also show the comparison by CPU per page (meaningless for a speed-up by parallel requests) */
    private static Target ratio(String mine, String base, double factor, Measure measure, boolean byCpu) {
        String text = String.format(Locale.ROOT, "%s %s %.2gx %s, %s", mine, measure.higherIsBetter ? ">=" : "<=",
                factor, base, measure.label);
        return new Target(text, (t, w) -> {
            OptionalDouble m = measure.of(t, w.id(), mine);
            OptionalDouble b = measure.of(t, w.id(), base);
            if (m.isEmpty() || b.isEmpty()) {
                return "no figure (" + (m.isEmpty() ? mine + ": " + t.status(w.id(), mine)
                        : base + ": " + t.status(w.id(), base)) + ")";
            }
            double ratio = m.getAsDouble() / b.getAsDouble();
            boolean met = measure.higherIsBetter ? ratio >= factor : ratio <= factor;
            OptionalDouble cpu = byCpu ? measure.cpuRatio(t, w.id(), mine, base) : OptionalDouble.empty();
            return verdict(met, String.format(Locale.ROOT, "%.2fx", ratio) + (cpu.isEmpty() ? ""
                    : String.format(Locale.ROOT, "; by CPU per %s %.2fx",
                            measure == Measure.RECORDS_PER_SEC ? "record" : "page", cpu.getAsDouble())));
        });
    }

    /** A target checked by hand-written code. */
    public static Target of(String text, BiFunction<Table, Workload, String> check) {
        return new Target(text, check);
    }

    static String verdict(boolean met, String figure) {
        return (met ? "met" : "NOT MET") + " (" + figure + ")";
    }
}
