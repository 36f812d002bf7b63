package dev.adfrest.camel.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that watches the requests the server is handling: how many at most at once, and gates that
 * hold responses until enough requests are in flight, or until another response was sent, or until the test opens
 * them. Proofs of concurrency and of order that do not depend on timing: a gate that is never opened fails the test
 * after 20 s instead of letting it pass.
 */
public final class InFlight implements ResponseDefinitionTransformerV2, ServeEventListener {

    private static final long GATE_SECONDS = 20;

    private final Set<UUID> handling = ConcurrentHashMap.newKeySet();
    private final AtomicInteger most = new AtomicInteger();
    private final List<String> gatesTimedOut = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private final Map<String, List<CountDownLatch>> holds = new ConcurrentHashMap<>();
    private final Map<String, List<CountDownLatch>> onSent = new ConcurrentHashMap<>();
    private volatile CountDownLatch together = new CountDownLatch(0);

    @Override
    public String getName() {
        return "in-flight";
    }

    @Override
    public boolean applyGlobally() {
        return true; // every stub, every request
    }

    /** Forgets everything: every gate open. */
    public void reset() {
        handling.clear(); // requests of an earlier test that are still being answered no longer count
        most.set(0);
        gatesTimedOut.clear();
        sent.clear();
        arrived.clear();
        holds.clear();
        onSent.clear();
        together = new CountDownLatch(0);
    }

    /** The first {@code n} requests are answered only once all {@code n} are in flight together. */
    public void firstTogether(int n) {
        together = new CountDownLatch(n);
    }

    /** The response to {@code url} (path and query) waits until the response to each of {@code others} was sent. */
    public void answerAfter(String url, String... others) {
        CountDownLatch latch = new CountDownLatch(others.length);
        holds.computeIfAbsent(url, u -> new CopyOnWriteArrayList<>()).add(latch);
        for (String other : others) {
            onSent.computeIfAbsent(other, u -> new CopyOnWriteArrayList<>()).add(latch);
        }
    }

    /** The response to {@code url} waits until the test counts {@code gate} down. */
    public void hold(String url, CountDownLatch gate) {
        holds.computeIfAbsent(url, u -> new CopyOnWriteArrayList<>()).add(gate);
    }

    /** The most requests the server was handling at once (from arrival until its response started). */
    public int most() {
        return most.get();
    }

    /** Requests whose gate stayed shut for 20 s (a proof that failed). */
    public List<String> gatesTimedOut() {
        return List.copyOf(gatesTimedOut);
    }

    /** Request URLs in the order the requests arrived, before any gate holds them (WireMock logs them later). */
    public List<String> arrived() {
        return List.copyOf(arrived);
    }

    /** Request URLs in the order their responses were completely sent. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
        arrived.add(event.getRequest().getUrl());
        handling.add(event.getId());
        most.accumulateAndGet(handling.size(), Math::max);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        CountDownLatch first = together;
        first.countDown();
        await(first, url);
        holds.getOrDefault(url, List.of()).forEach(gate -> await(gate, url));
        return event.getResponseDefinition();
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        handling.remove(event.getId()); // before the client can read it: it cannot have sent its next request yet
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        String url = event.getRequest().getUrl();
        sent.add(url);
        onSent.getOrDefault(url, List.of()).forEach(CountDownLatch::countDown);
    }

    private void await(CountDownLatch gate, String url) {
        try {
            if (!gate.await(GATE_SECONDS, TimeUnit.SECONDS)) {
                gatesTimedOut.add(url);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gatesTimedOut.add(url + " (interrupted)");
        }
    }
}
