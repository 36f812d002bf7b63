package dev.adfrest.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * Today's Camel way to write records to an API in batches: marshal each batch with camel-jackson
 * ({@code marshal().json()}) and POST it with camel-http (which gzips a body sent with {@code Content-Encoding: gzip}).
 * Two routes:
 * <ul>
 * <li>{@code camel-http-sink} (the one the ratios are taken against): a processor cuts the Iterator into lists of N as
 * they are read, {@code split(body()).streaming()} sends each list on. Synchronous: the copy ends when its last batch
 * was answered. This is what a user ends up with once the route below has failed them. Camel's own
 * {@code split(simple("${collate(N)}"))} would do the cutting, but in 4.18 it sends a second exchange's records as one
 * nested array.</li>
 * <li>{@code camel-http-agg}, the route issue 12 describes: {@code split(body()).streaming()} into
 * {@code aggregate(constant(true)).completionSize(N)} (completed early by the split's last record). The aggregator
 * sends completed batches on a thread of its own, and the splitter does not wait for it: batches pile up in memory, and
 * when sending is slower than splitting (gzip) the heap runs out; sent on the splitting thread instead, the sends nest
 * on its stack until it overflows after some thousands of batches (Camel 4.18). The copy ends when every record was
 * answered.</li>
 * </ul>
 */
public final class CamelHttpSinkClient implements BenchClient {

    private final boolean aggregate;
    private final Object lock = new Object();
    private CamelContext camel;
    private ProducerTemplate template;
    private Run run;
    private long sent;
    private Exception failed;

    /** @param aggregate the split-and-aggregate route rather than the self-batching one */
    public CamelHttpSinkClient(boolean aggregate) {
        this.aggregate = aggregate;
    }

    @Override
    public void prepare(Run run) throws Exception {
        this.run = run;
        String url = run.sinkUrl();
        int batch = run.workload().batch();
        boolean gzip = run.workload().gzip();
        sent = 0;
        failed = null;
        camel = new DefaultCamelContext();
        camel.addRoutes(aggregate ? aggregating(url, batch, gzip) : batching(url, batch, gzip));
        camel.start();
        template = camel.createProducerTemplate();
    }

    private static RouteBuilder batching(String url, int batch, boolean gzip) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:write")
                        .process(e -> e.getMessage().setBody(batches(e.getMessage().getBody(Iterator.class), batch)))
                        .split(body()).streaming()
                            .marshal().json()
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .process(e -> {
                                if (gzip) {
                                    e.getMessage().setHeader(Exchange.CONTENT_ENCODING, "gzip");
                                }
                            })
                            .to(url)
                        .end();
            }
        };
    }

    private RouteBuilder aggregating(String url, int batch, boolean gzip) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).process(e -> sent(0, e.getProperty(Exchange.EXCEPTION_CAUGHT,
                        Exception.class)));
                from("direct:write")
                        .split(body()).streaming()
                            .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                                .completionSize(batch)
                                .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                                .eagerCheckCompletion()
                                .process(e -> e.setProperty("batchSize", e.getMessage().getBody(List.class).size()))
                                .marshal().json()
                                .removeHeaders("*")
                                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                                .process(e -> {
                                    if (gzip) {
                                        e.getMessage().setHeader(Exchange.CONTENT_ENCODING, "gzip");
                                    }
                                })
                                .to(url)
                                .process(e -> sent(e.getProperty("batchSize", Integer.class), null))
                            .end()
                        .end();
            }
        };
    }

    /** Lists of at most {@code size} elements, each made when asked for. */
    static Iterator<List<Object>> batches(Iterator<?> elements, int size) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return elements.hasNext();
            }

            @Override
            public List<Object> next() {
                List<Object> batch = new ArrayList<>(size);
                while (batch.size() < size && elements.hasNext()) {
                    batch.add(elements.next());
                }
                return batch;
            }
        };
    }

    private void sent(int records, Exception failure) {
        synchronized (lock) {
            sent += records;
            failed = failure != null ? failure : failed;
            lock.notifyAll();
        }
    }

    @Override
    public void copy() throws Exception {
        int[] count = {0};
        Exchange done = template.send("direct:write", e -> e.getMessage().setBody(counting(run.records(), count)));
        if (done.getException() != null) {
            throw done.getException();
        }
        if (!aggregate) {
            run.sink().written(count[0]);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        synchronized (lock) {
            while (sent < count[0] && failed == null && System.nanoTime() < deadline) {
                lock.wait(1000);
            }
            if (failed != null) {
                throw failed;
            }
            run.sink().written(sent);
        }
    }

    /** Counts the records as they are read. */
    private static Iterator<Map<String, Object>> counting(Iterator<Map<String, Object>> records, int[] count) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Map<String, Object> next() {
                count[0]++;
                return records.next();
            }
        };
    }

    @Override
    public void finish() throws Exception {
        if (template != null) {
            template.close();
        }
        if (camel != null) {
            camel.close();
        }
    }
}
