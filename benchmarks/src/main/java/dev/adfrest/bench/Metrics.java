package dev.adfrest.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

/**
 * What one client JVM costs: process CPU (all threads, GC and JIT included), heap peaks, the live heap seen after
 * each GC, and resident memory. Only meaningful when the JVM runs one client (the harness's default).
 */
final class Metrics {

    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private static final Set<String> HEAP_POOL_NAMES = HEAP_POOLS.stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private static final AtomicLong MAX_LIVE_AFTER_GC = new AtomicLong();
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long live = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
                        MAX_LIVE_AFTER_GC.accumulateAndGet(live, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private Metrics() {
    }

    static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Starts a new measurement window for the peaks. */
    static void resetPeaks() {
        HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
        MAX_LIVE_AFTER_GC.set(0);
        try {
            Files.writeString(CLEAR_REFS, "5"); // resets VmHWM (Linux 4.0+)
        } catch (IOException | RuntimeException e) {
            // not Linux or not allowed: rssPeak() then reports the high-water mark since JVM start
        }
    }

    /** The sum of each heap pool's peak since {@link #resetPeaks()}: an upper bound of the peak heap. */
    static long peakHeap() {
        return HEAP_POOLS.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** The largest heap occupancy right after a GC since {@link #resetPeaks()}: what the client kept alive. */
    static long maxLiveAfterGc() {
        return Math.max(MAX_LIVE_AFTER_GC.get(), 0);
    }

    /** Resident set high-water mark (VmHWM) since {@link #resetPeaks()}, or the current VmRSS; -1 when unknown. */
    static long rssPeak() {
        long hwm = status("VmHWM:");
        return hwm > 0 ? hwm : rssNow();
    }

    /** Resident set size now (VmRSS); -1 when unknown. */
    static long rssNow() {
        return status("VmRSS:");
    }

    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    return kib(line);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The heap still in use after a full collection. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapUsed(Map<String, MemoryUsage> usage) {
        return usage.entrySet().stream().filter(e -> HEAP_POOL_NAMES.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    private static long kib(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
