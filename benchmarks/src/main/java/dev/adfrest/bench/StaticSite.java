package dev.adfrest.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The files nginx serves: every page of every static workload, at every size a run asks for, with its absolute next
 * links (so the site belongs to one base URL). A site already written for the same base URL and layout is kept: a
 * second run on the same port starts at once (the soak alone is 105,000 files).
 */
final class StaticSite {

    private StaticSite() {
    }

    /**
     * Writes what is missing.
     *
     * @return the number of files written
     */
    static long write(Path root, List<Workload> workloads, String baseUrl) throws IOException {
        long written = 0;
        for (Workload w : workloads) {
            if (w.gzip() && w.shape() == Workload.Shape.GRAPH) {
                throw new IllegalArgumentException(w.id() + ": nginx serves gzip only for NEXT_LINK pages (try_files"
                                                   + " of GRAPH pages looks for the plain file)");
            }
            for (int size : w.servedSizes()) {
                written += write(root, w.withPages(size), baseUrl);
            }
        }
        return written;
    }

    private static long write(Path root, Workload w, String baseUrl) throws IOException {
        PageBodies.Pages pages = PageBodies.pages(w, baseUrl);
        Path dir = root.resolve(pages.file(1)).getParent();
        Path manifest = dir.resolve(".site");
        String key = "layout " + PageBodies.LAYOUT + ", " + baseUrl + ", " + w.shape() + ", " + w.style() + ", "
                     + w.pages() + " pages of " + w.pageBytes() + (w.gzip() ? ", gzip" : "");
        if (Files.exists(manifest) && Files.readString(manifest).equals(key)) {
            return 0;
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(manifest);
        for (int n = 1; n <= w.pages(); n++) {
            if (w.gzip()) {
                // only the compressed file: gzip_static serves it to clients that ask for gzip, the rest get 404
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(root.resolve(pages.file(n) + ".gz")))) {
                    out.write(pages.body(n));
                }
            } else {
                Files.write(root.resolve(pages.file(n)), pages.body(n));
            }
        }
        Files.writeString(manifest, key);
        return w.pages();
    }
}
