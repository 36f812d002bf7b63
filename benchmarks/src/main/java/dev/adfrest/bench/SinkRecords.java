package dev.adfrest.bench;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The records every sink client sends: made one at a time as the iterator is read (never a list of them all), each
 * a Map that Jackson writes as about 200 bytes of JSON, different enough from the next that gzip has work to do.
 */
final class SinkRecords {

    private SinkRecords() {
    }

    static Iterator<Map<String, Object>> of(int count) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Map<String, Object> next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                i++;
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", i);
                r.put("orderNumber", "SO-" + (1_000_000 + i));
                r.put("customer", "customer-" + (i * 7919 % 100_003));
                r.put("status", i % 5 == 0 ? "refunded" : "paid");
                r.put("total", (i % 10_000) * 1.25);
                r.put("createdAt", "2024-0" + (1 + i % 9) + "-1" + (i % 9) + "T1" + (i % 10) + ":2" + (i % 10) + ":00Z");
                r.put("note", "order " + i + " of the write benchmark, " + (i % 3 == 0 ? "express" : "standard")
                              + " delivery");
                return r;
            }
        };
    }
}
