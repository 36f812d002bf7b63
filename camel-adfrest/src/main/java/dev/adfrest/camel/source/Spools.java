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
        private final AtomicBoolean deleted = new AtomicBoolean();

        private Spool(Path file) {
            this.file = file;
        }

        public Path file() {
            return file;
        }

        /** Deletes the file, once; returns false when it was already deleted. */
        public boolean delete() {
            if (!deleted.compareAndSet(false, true)) {
                return false;
            }
            live.remove(this);
            try {
                Files.deleteIfExists(file);
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
