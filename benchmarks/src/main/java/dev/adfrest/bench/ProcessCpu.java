package dev.adfrest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU time of a process and its descendants (nginx's master and workers; a JVM's threads are in its own figure),
 * from {@code /proc/<pid>/stat}: user + system time, dead threads included, in clock ticks (10 ms on Linux).
 */
final class ProcessCpu {

    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicks();

    private ProcessCpu() {
    }

    /** CPU nanoseconds used so far by the process and every process below it; -1 where /proc cannot tell. */
    static long nanos(ProcessHandle process) {
        long ticks = 0;
        try (Stream<ProcessHandle> below = process.descendants()) {
            for (ProcessHandle p : Stream.concat(Stream.of(process), below).toList()) {
                long t = ticks(p.pid());
                if (t < 0) {
                    return -1;
                }
                ticks += t;
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** utime + stime of one process, or -1. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces: count fields after its ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ: 100 on every Linux the JDK runs on, asked of getconf where it can be. */
    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | RuntimeException e) {
            // below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
