package dev.adfrest.camel.testsupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.provider.Arguments;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Property tests as plain JUnit 5 parameterized tests: a {@code @MethodSource} returns {@link #cases} (the fixed edge
 * cases, then random cases each made from a {@link Random} of its own seed), and the class carries
 * {@code @ExtendWith(SeededCases.class)} so that a failing case's message names its seed and how to replay it.
 *
 * <p>The seeds come from a base seed, fixed so that every build draws the same cases, or given as
 * {@code -Dadfrest.seed=N}. The first random case uses the base seed itself: giving a failed case's seed replays that
 * case first.
 */
public final class SeededCases implements InvocationInterceptor {

    public static final String SEED_PROPERTY = "adfrest.seed";
    private static final long DEFAULT_SEED = 20261128L;
    private static final Pattern SEED_NAME = Pattern.compile("^\\[\\d+] seed (-?\\d+)$");

    /** The fixed cases, then {@code count} random ones, each made by {@code make} from its own seeded Random. */
    public static Stream<Arguments> cases(List<Arguments> fixed, int count, Function<Random, Arguments> make) {
        return Stream.concat(fixed.stream(), seeds(count).mapToObj(
                seed -> argumentSet("seed " + seed, make.apply(new Random(seed)).get())));
    }

    /** Every combination of one value from each list, as fixed cases: the edge values of each parameter together. */
    public static List<Arguments> combinations(List<?>... values) {
        List<List<Object>> combinations = List.of(List.of());
        for (List<?> next : values) {
            combinations = combinations.stream().flatMap(c -> next.stream().map(v -> {
                List<Object> longer = new ArrayList<>(c);
                longer.add(v);
                return longer;
            })).toList();
        }
        return combinations.stream().map(c -> Arguments.of(c.toArray())).toList();
    }

    /** The base seed, then seeds spread from it (neighbouring seeds would give java.util.Random alike first values). */
    private static LongStream seeds(int count) {
        long base = Long.parseLong(System.getProperty(SEED_PROPERTY, String.valueOf(DEFAULT_SEED)).trim());
        SplittableRandom spread = new SplittableRandom(base);
        return LongStream.concat(LongStream.of(base), LongStream.generate(spread::nextLong)).limit(count);
    }

    /**
     * Names the case in its failure, and a random case's seed with how to replay it: Surefire reports a parameterized
     * case by its index, not by its name.
     */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            if (failure instanceof TestAbortedException) {
                throw failure;
            }
            String name = context.getDisplayName();
            Matcher seed = SEED_NAME.matcher(name);
            if (seed.find()) {
                name += " " + invocationContext.getArguments() + " failed; replay it first with -D" + SEED_PROPERTY + "="
                        + seed.group(1) + " -Dtest=" + context.getRequiredTestClass().getSimpleName() + "#"
                        + context.getRequiredTestMethod().getName();
            } else {
                name += " failed";
            }
            AssertionError named = new AssertionError(name + ": " + failure, failure);
            named.setStackTrace(failure.getStackTrace());
            throw named;
        }
    }

    // Random values with the ends of their range and small values drawn more often than their share, where
    // arithmetic and parsing go wrong first.

    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A whole number from min to max, both inclusive: often an end or near zero, otherwise anywhere between. */
    public static long between(Random random, long min, long max) {
        return switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            case 2, 3 -> Math.max(min, Math.min(max, random.nextLong(-1000, 1001)));
            default -> anywhere(random, min, max);
        };
    }

    private static long anywhere(Random random, long min, long max) {
        long span = max - min; // when this overflows or is too wide a bound, half of all longs or more are in range
        if (span >= 0 && span < Long.MAX_VALUE) {
            return min + random.nextLong(span + 1);
        }
        long value;
        do {
            value = random.nextLong();
        } while (value < min || value > max);
        return value;
    }

    /** Any long. */
    public static long anyLong(Random random) {
        return between(random, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A string of {@code chars}, from min to max characters long. */
    public static String string(Random random, String chars, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(min, max + 1); n > 0; n--) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return s.toString();
    }

    /**
     * Any string from min to max characters long: any UTF-16 unit but noncharacters and private use ones (lone
     * surrogates included), with whitespace, control and ASCII characters more often than their share; mostly short.
     */
    public static String anyString(Random random, int min, int max) {
        int longest = random.nextInt(4) == 0 ? max : Math.min(max, min + 12);
        int length = random.nextInt(min, longest + 1);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            char c = switch (random.nextInt(6)) {
                case 0 -> " \t\n\r\u000b\f\u0085\u00a0\u2028\u3000".charAt(random.nextInt(10));
                case 1 -> (char) random.nextInt(0x20);
                case 2, 3 -> (char) random.nextInt(0x20, 0x7f);
                default -> (char) random.nextInt(0x10000);
            };
            if (Character.getType(c) != Character.PRIVATE_USE && !isNoncharacter(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static boolean isNoncharacter(char c) {
        return c >= '\ufdd0' && c <= '\ufdef' || c == '\ufffe' || c == '\uffff';
    }
}
