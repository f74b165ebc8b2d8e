import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends GET requests at a fixed rate over a rotating list of paths and reports latency
 * percentiles and the throughput reached.
 *
 * <p>Latency is measured from the moment a request was due, not from when it was sent: when the
 * server (or this client) falls behind, the wait counts, so a stall is not hidden by sending fewer
 * requests during it. The time from sending to the answer is reported beside it: where the two
 * differ, the requests waited in this client (a busy machine), not in the server.
 *
 * <p>It prints "measured phase starts" and "measured phase ends" around the measured phase, so that
 * bench/http.sh can read the server's CPU time and allocation over exactly that phase.
 *
 * <p>At most 32 requests are in flight, as a client with a pool of 32 keep-alive connections:
 * without a bound, a pause of the server made the JDK's client open a new connection for every
 * request due in it, hundreds at once, and the connection storm (connect timeouts) became the
 * measurement. A request due while all 32 are busy waits for one, and that wait counts.
 *
 * <pre>java bench/FixedRate.java BASE_URL PATHS_FILE RATE_PER_S SECONDS [WARMUP_SECONDS]</pre>
 */
public final class FixedRate {
    private static final int IN_FLIGHT = 32;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java FixedRate.java BASE_URL PATHS_FILE RATE_PER_S SECONDS [WARMUP_SECONDS]");
            System.exit(2);
        }
        String base = args[0];
        List<URI> uris = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).map(p -> URI.create(base + p.strip())).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        if (warmup > 0) {
            run(http, uris, rate, warmup);
        }
        // marker lines for a caller that measures the server over exactly the measured phase
        System.out.println("measured phase starts");
        System.out.flush();
        Result r = run(http, uris, rate, seconds);
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

    record Result(long[] latencies, long[] serviceTimes, int non200, int failed, double elapsedSeconds, java.util.Map<String, Integer> errors) {}

    private static Result run(HttpClient http, List<URI> uris, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        long[] serviceTimes = new long[total];
        AtomicInteger non200 = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.Map<String, Integer> errors = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            HttpRequest request = HttpRequest.newBuilder(uris.get(i % uris.size())).timeout(Duration.ofSeconds(10)).GET().build();
            inFlight.acquireUninterruptibly();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                latencies[n] = now - due;
                serviceTimes[n] = now - sent;
                if (error != null) {
                    failed.incrementAndGet();
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    errors.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
                } else if (response.statusCode() != 200) {
                    non200.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, serviceTimes, non200.get(), failed.get(), elapsed, errors);
    }

    private static long pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
