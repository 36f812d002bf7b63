package dev.adfrest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.adfrest.bench.Workload.Shape;

/** The workloads of issues 7 and 15, at full size or as a smoke test of a few pages. */
public final class Workloads {

    private static final long MIB = 1024L * 1024;

    private Workloads() {
    }

    public static List<Workload> of(String profile) {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "full" -> full();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("Unknown profile '" + profile + "' (full, smoke)");
        };
    }

    static List<Workload> full() {
        List<Workload> all = new ArrayList<>();
        all.add(new Workload("W1", "2,000 pages x 50 KB, next link in body, no latency",
                Shape.NEXT_LINK, 2_000, 50_000, 0, 3, 2_000, 0, 9, "1g", 0));
        all.add(new Workload("W2", "2,000 pages x 50 KB, next link in body, 20 ms latency",
                Shape.NEXT_LINK, 2_000, 50_000, 20, 1, 200, 0, 3, "1g", 0));
        all.add(new Workload("W3", "RANGE over 400 offsets x 50 KB, 20 ms latency",
                Shape.RANGE, 400, 50_000, 20, 1, 100, 0, 3, "1g", 0));
        all.add(new Workload("W7", "RANGE over 300 offsets x 50 KB, 20 ms latency: one route vs 3 partitions",
                Shape.RANGE, 300, 50_000, 20, 1, 60, 0, 3, "1g", 0));
        all.add(new Workload("W4", "1 page of 512 MiB, next link at its end, to a file, -Xmx256m",
                Shape.HUGE, 1, 512 * MIB, 0, 1, 1, 32 * MIB, 3, "256m", 0));
        all.add(new Workload("W4s", "W4 scaled down: 1 page of 64 MiB, to a file, -Xmx2g",
                Shape.HUGE, 1, 64 * MIB, 0, 1, 1, 16 * MIB, 3, "2g", 0));
        all.add(new Workload("W5", "soak: 100,000 pages x 1 KB, no latency (heap at page 5,000 vs last)",
                Shape.NEXT_LINK, 100_000, 1_000, 0, 1, 5_000, 0, 1, "1g", 5_000));
        all.add(new Workload("W11", "an incremental run that finds nothing new: 1 small page, no latency",
                Shape.NEXT_LINK, 1, 100, 0, 30, 1, 0, 60, "256m", 0));
        return all;
    }

    /** A few pages of each shape: checks the harness end to end in seconds. */
    static List<Workload> smoke() {
        List<Workload> all = new ArrayList<>();
        all.add(new Workload("W1", "smoke: 20 pages x 2 KB", Shape.NEXT_LINK, 20, 2_000, 0, 1, 5, 0, 1, "256m", 0));
        all.add(new Workload("W2", "smoke: 5 pages x 2 KB, 2 ms latency", Shape.NEXT_LINK, 5, 2_000, 2, 0, 5, 0, 1,
                "256m", 0));
        all.add(new Workload("W3", "smoke: RANGE over 5 offsets, 2 ms latency", Shape.RANGE, 5, 2_000, 2, 0, 5, 0, 1,
                "256m", 0));
        all.add(new Workload("W7", "smoke: RANGE over 7 offsets, 2 ms latency, 3 partitions", Shape.RANGE, 7, 2_000, 2,
                0, 7, 0, 1, "256m", 0));
        all.add(new Workload("W4", "smoke: 1 page of 1 MiB to a file", Shape.HUGE, 1, MIB, 0, 0, 1, MIB, 1, "256m", 0));
        all.add(new Workload("W5", "smoke: soak of 50 pages x 1 KB", Shape.NEXT_LINK, 50, 1_000, 0, 0, 10, 0, 1, "256m",
                10));
        all.add(new Workload("W11", "smoke: an incremental run that finds nothing new", Shape.NEXT_LINK, 1, 100, 0, 0, 1,
                0, 1, "256m", 0));
        return all;
    }

    public static Workload byId(String profile, String id) {
        return of(profile).stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No workload " + id + " in profile " + profile));
    }
}
