import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends GET requests at a fixed rate over a rotating list of paths and reports latency
 * percentiles and the throughput reached: an open-model generator, as wrk2 is (not packaged here).
 *
 * <p>Latency is measured from the moment a request was due, not from when it was sent: when the
 * server (or this client) falls behind, the wait counts, so a stall is not hidden by sending fewer
 * requests during it. The time from sending to the answer is reported beside it: where the two
 * differ, the requests waited in this client (a busy machine), not in the server.
 *
 * <p>Requests are due evenly spaced (1 ms apart at 1,000 req/s). A closed-model tool such as
 * {@code hey -c 10 -q 100} starts its ten workers together, so their requests arrive in bursts of
 * ten every 10 ms and the tenth of each burst waits for the nine before it on two cores.
 *
 * <p>As in wrk2, each of {@value #CONNECTIONS} connections keeps its own share of the schedule
 * (every {@value #CONNECTIONS}th request) on its own thread with a blocking keep-alive
 * {@link HttpURLConnection}: no hand-off between threads per request. The JDK's asynchronous
 * {@code HttpClient} took 29 ms at p50 at this rate on two cores (its selector and executor
 * hand-offs), and a dispatcher handing requests to workers through a queue added several
 * milliseconds at p99; both made the latencies the client's. A connection still waiting for an
 * answer sends its next request late, and that wait counts.
 *
 * <p>It prints "measured phase starts" and "measured phase ends" around the measured phase, so that
 * bench/http.sh can read the server's CPU time and allocation over exactly that phase.
 *
 * <pre>java bench/FixedRate.java BASE_URL PATHS_FILE RATE_PER_S SECONDS [WARMUP_SECONDS]</pre>
 */
public final class FixedRate {
    private static final int CONNECTIONS = 16;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java FixedRate.java BASE_URL PATHS_FILE RATE_PER_S SECONDS [WARMUP_SECONDS]");
            System.exit(2);
        }
        // the JDK keeps 5 idle connections per host by default: with more workers, every request beyond
        // five opened (and the server parsed) a new connection
        System.setProperty("http.maxConnections", String.valueOf(CONNECTIONS));
        String base = args[0];
        List<URL> uris = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).map(p -> toUrl(base + p.strip())).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        if (warmup > 0) {
            run(uris, rate, warmup);
        }
        // marker lines for a caller that measures the server over exactly the measured phase
        System.out.println("measured phase starts");
        System.out.flush();
        Result r = run(uris, rate, seconds);
        System.out.println("measured phase ends");
        System.out.flush();
        long[] l = r.latencies;
        long[] s = r.serviceTimes;
        Arrays.sort(l);
        Arrays.sort(s);
        System.out.printf("fixed rate: %d req/s target for %d s over %d paths%n", rate, seconds, uris.size());
        System.out.printf("  requests %d, non-200 %d, failed %d, throughput %.1f req/s%n", l.length, r.non200, r.failed, l.length / r.elapsedSeconds);
        r.errors.forEach((what, count) -> System.out.printf("  failed: %d x %s%n", count, what));
        System.out.printf("  from due: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                ms(pct(l, 50)), ms(pct(l, 90)), ms(pct(l, 99)), ms(pct(l, 99.9)), ms(l[l.length - 1]));
        System.out.printf("  from send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                ms(pct(s, 50)), ms(pct(s, 90)), ms(pct(s, 99)), ms(pct(s, 99.9)), ms(s[s.length - 1]));
    }

    record Result(long[] latencies, long[] serviceTimes, int non200, int failed, double elapsedSeconds, Map<String, Integer> errors) {}

    private static Result run(List<URL> uris, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        long[] serviceTimes = new long[total];
        AtomicInteger non200 = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        Thread[] workers = new Thread[CONNECTIONS];
        for (int w = 0; w < CONNECTIONS; w++) {
            int first = w;
            workers[w] = new Thread(() -> {
                byte[] sink = new byte[16384];
                // request n is due at start + n * interval; this connection sends every CONNECTIONS-th one
                for (int n = first; n < total; n += CONNECTIONS) {
                    long due = start + n * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long sent = System.nanoTime();
                    try {
                        HttpURLConnection c = (HttpURLConnection) uris.get(n % uris.size()).openConnection();
                        c.setConnectTimeout(5_000);
                        c.setReadTimeout(10_000);
                        int status = c.getResponseCode();
                        // read to the end and close: the connection goes back to the keep-alive cache
                        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                            while (in != null && in.read(sink) >= 0) {
                                // discard
                            }
                        }
                        if (status != 200) {
                            non200.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        errors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                    }
                    long now = System.nanoTime();
                    latencies[n] = now - due;
                    serviceTimes[n] = now - sent;
                }
            }, "fixed-rate-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, serviceTimes, non200.get(), failed.get(), elapsed, errors);
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }

    private static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
