package dev.adfrest.camel.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an endpoint's big pages go: a page over the threshold is written to a temporary file as it streams in,
 * instead of being held in memory. Each file is deleted as soon as its page is done with (its exchange completed, or
 * the page was never delivered); the files still there when the endpoint stops are deleted then.
 */
public final class Spools {

    private static final Logger LOG = LoggerFactory.getLogger(Spools.class);

    /** Pages always stay in memory. */
    public static final Spools NEVER = new Spools(null, Long.MAX_VALUE);

    private final Path directory;
    private final long threshold;
    private final Set<Spool> live = ConcurrentHashMap.newKeySet();

    /**
     * @param directory where the files go
     * @param threshold a page of more bytes than this is spooled
     */
    public Spools(Path directory, long threshold) {
        this.directory = directory;
        this.threshold = threshold;
    }

    /** A page of more bytes than this is spooled. */
    long threshold() {
        return threshold;
    }

    /** A new, empty temporary file. */
    Spool create() throws IOException {
        Spool spool = new Spool(Files.createTempFile(directory, "adfrest-page-", ".json"));
        live.add(spool);
        return spool;
    }

    /** Deletes every file not deleted yet (the endpoint stops); returns how many there were. */
    public int deleteAll() {
        int n = 0;
        for (Spool spool : live) {
            if (spool.delete()) {
                n++;
            }
        }
        if (n > 0) {
            LOG.debug("Deleted {} spooled pages not done with", n);
        }
        return n;
    }

    /** The temporary file of one page. */
    public final class Spool {

        private final Path file;
        private final Path workFile;
        private final AtomicBoolean deleted = new AtomicBoolean();
        private volatile boolean linked;

        private Spool(Path file) {
            this.file = file;
            this.workFile = file.resolveSibling(file.getFileName() + ".work");
        }

        public Path file() {
            return file;
        }

        /**
         * A second name of the file (a hard link) that someone else may move away: Camel's file producer renames such
         * a "local work file" into place instead of copying the page, while the page stays readable under its own
         * name. Null when the file system cannot link.
         */
        public synchronized Path workFile() {
            if (!linked && !deleted.get()) {
                try {
                    Files.createLink(workFile, file);
                    linked = true;
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    LOG.debug("No hard link for the spooled page {} ({}): it is copied, not moved", file, e.toString());
                    return null;
                }
            }
            return linked ? workFile : null;
        }

        /** Deletes the file (and its work name, if not moved away), once; returns false when already deleted. */
        public boolean delete() {
            if (!deleted.compareAndSet(false, true)) {
                return false;
            }
            live.remove(this);
            try {
                Files.deleteIfExists(file);
                if (linked) {
                    Files.deleteIfExists(workFile);
                }
            } catch (IOException e) {
                LOG.warn("Cannot delete the spooled page {}: {}", file, e.getMessage());
            }
            return true;
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }
}
