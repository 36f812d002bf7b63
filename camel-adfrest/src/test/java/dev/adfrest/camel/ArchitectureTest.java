package dev.adfrest.camel;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engines stay pure: the compiled classes of {@code pagination} and {@code mapping}, and every class of
 * {@code support} they use, refer to no Camel type, no I/O, no clock and none of the component's outer packages. Read
 * off the constant pools of the compiled classes, so a fully qualified name in the code counts as much as an import.
 */
class ArchitectureTest {

    private static final String ROOT = "dev/adfrest/camel/";

    /** What a pure class must not refer to, in the JVM's internal form. */
    private static final List<Pattern> FORBIDDEN = Stream.of(
            "org/apache/camel/",                                  // Camel
            "java/io/(?!Serializable;|UncheckedIOException;|IOException;)\\w+;", // streams, files, readers, writers
            "java/nio/file/", "java/nio/channels/", "java/net/http/", "javax/net/",
            "java/net/(Socket|ServerSocket|URL|URLConnection|HttpURLConnection|DatagramSocket);",
            "org/apache/hc/client5/http/(impl|classic|io)/", "org/apache/hc/core5/http/(io|impl)/", // HTTP clients
            "java/time/Clock;", "java/time/InstantSource;",       // clocks
            ROOT + "(http|source|auth|adf)/", ROOT + "[A-Z]\\w*;" // the component's outer layers
    ).map(Pattern::compile).toList();

    /** Methods that read a clock. */
    private static final Set<String> CLOCK_READS = Set.of("currentTimeMillis", "nanoTime", "now");

    @ParameterizedTest
    @ValueSource(strings = { "pagination", "mapping" })
    void theEnginesArePure(String pkg) throws Exception {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(classesOf(ROOT + pkg));
        assertThat(todo).as("compiled classes of " + pkg).isNotEmpty();
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            Set<String> constants = utf8Constants(type);
            for (String constant : constants) {
                for (Pattern forbidden : FORBIDDEN) {
                    Matcher m = forbidden.matcher(constant.replace('.', '/') + ";");
                    if (m.find()) {
                        violations.add(type + " refers to " + m.group());
                    }
                }
                if (CLOCK_READS.contains(constant) && constants.stream().anyMatch(c -> c.startsWith("java/time/")
                                                                                        || c.equals("java/lang/System"))) {
                    violations.add(type + " may read a clock (" + constant + ")");
                }
                // the support classes an engine uses must be pure too
                Matcher support = Pattern.compile(ROOT + "support/[\\w$]+").matcher(constant);
                while (support.find()) {
                    todo.push(support.group());
                }
            }
        }
        assertThat(violations).as("what " + pkg + " must not use").isEmpty();
    }

    /**
     * Micrometer is optional: only the classes of {@code metrics} refer to it, and {@code Metrics}, the door the Camel
     * classes go through after checking Micrometer is there, does not either.
     */
    @org.junit.jupiter.api.Test
    void onlyTheMetricsPackageRefersToMicrometerAndNotThroughItsDoor() throws Exception {
        List<String> referring = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainClasses().resolve(ROOT))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String type = mainClasses().relativize(file).toString().replace('\\', '/').replace(".class", "");
                if (utf8Constants(type).stream().anyMatch(c -> c.contains("io/micrometer/"))) {
                    referring.add(type);
                }
            }
        }
        assertThat(referring).isNotEmpty().allMatch(t -> t.startsWith(ROOT + "metrics/"))
                .doesNotContain(ROOT + "metrics/Metrics");
    }

    /** The component's compiled classes (not the tests'). */
    private static Path mainClasses() throws URISyntaxException {
        return Path.of(AdfRestComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Classes of a package, nested ones included, as internal names. */
    private static List<String> classesOf(String pkg) throws IOException, URISyntaxException {
        Path dir = mainClasses().resolve(pkg);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                    .map(n -> pkg + "/" + n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
    }

    /** The UTF-8 constants of a compiled class: every type, member and descriptor it refers to. */
    private static Set<String> utf8Constants(String type) throws IOException, URISyntaxException {
        Set<String> constants = new LinkedHashSet<>();
        Path file = mainClasses().resolve(type + ".class");
        if (!Files.exists(file)) {
            return constants; // a support class named in a string, not compiled
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> constants.add(in.readUTF());
                    case 3, 4 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + type);
                }
            }
        }
        return constants;
    }
}
