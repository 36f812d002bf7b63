package dev.adfrest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a client's CPU went, from a JFR recording made with {@code --jfr <client>}: the methods most often on top of
 * the sampled stacks (self) and on the stacks at all (inclusive), for the threads whose name matches.
 * <pre>
 * java -cp benchmarks/target/classes dev.adfrest.bench.JfrHotspots FILE.jfr [THREAD-REGEX] [TOP] [FOCUS]
 * </pre>
 * It also sums the allocation samples (jdk.ObjectAllocationSample, weighted) of those threads by class and by
 * allocating method. With FOCUS (a method, as {@code dev.adfrest.camel.AdfRestConsumer.deliver}), it also splits the
 * samples under that method by the method it called: where its time went.
 */
public final class JfrHotspots {

    private JfrHotspots() {
    }

    public static void main(String[] args) throws IOException {
        Pattern threads = Pattern.compile(args.length > 1 ? args[1] : ".*");
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        String focus = args.length > 3 ? args[3] : null;
        Map<String, Integer> underFocus = new HashMap<>();
        Map<String, Integer> deepUnderFocus = new HashMap<>();
        int focused = 0;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Long> allocatedByClass = new HashMap<>();
        Map<String, Long> allocatedBySite = new HashMap<>();
        long allocated = 0;
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ObjectAllocationSample")) {
                RecordedThread thread = event.getThread("eventThread");
                if (thread != null && threads.matcher(String.valueOf(thread.getJavaName())).find()) {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocatedByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null && !stack.getFrames().isEmpty()) {
                        allocatedBySite.merge(name(stack.getFrames().get(0)), weight, Long::sum);
                    }
                }
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            RecordedStackTrace stack = event.getStackTrace();
            if (thread == null || stack == null || stack.getFrames().isEmpty()
                || !threads.matcher(String.valueOf(thread.getJavaName())).find()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                if (seen.add(name(frame))) {
                    inclusive.merge(name(frame), 1, Integer::sum);
                }
            }
            // frames run from the top of the stack (the running method) down to Thread.run: the focus's callee is
            // the frame just before its outermost occurrence
            for (int i = frames.size() - 1; focus != null && i >= 0; i--) {
                if (name(frames.get(i)).equals(focus)) {
                    focused++;
                    underFocus.merge(i == 0 ? "(self)" : name(frames.get(i - 1)), 1, Integer::sum);
                    Set<String> below = new HashSet<>();
                    for (int j = i - 1; j >= 0; j--) {
                        if (below.add(name(frames.get(j)))) {
                            deepUnderFocus.merge(name(frames.get(j)), 1, Integer::sum);
                        }
                    }
                    break;
                }
            }
        }
        System.out.printf("%d execution samples on threads matching /%s/%n", samples, threads);
        print("self", self, samples, top);
        print("inclusive", inclusive, samples, top * 2);
        if (focus != null) {
            System.out.printf("%n%d samples (%.1f%%) under %s%n", focused, 100.0 * focused / Math.max(1, samples), focus);
            print("called by " + focus + " (% of the samples under it)", underFocus, focused, top);
            print("anywhere under " + focus + " (% of the samples under it)", deepUnderFocus, focused, top * 2);
        }
        System.out.printf("%n%.0f MB allocated (sampled estimate) on those threads%n", allocated / 1e6);
        printBytes("allocated by class", allocatedByClass, allocated, top);
        printBytes("allocated by method", allocatedBySite, allocated, top);
    }

    private static void printBytes(String title, Map<String, Long> bytes, long total, int top) {
        System.out.printf("%n-- %s%n", title);
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.printf("%n-- %s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
