package be.lokaalsignaal.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Single HTTP GETs (no redirects followed: the caller checks every hop), with the honest user agent
 * and the address guard of {@link GuardedDnsResolver}. The body is streamed and read up to a byte
 * limit, never further; a whole response, slow or not, must finish within the timeout.
 */
public final class Fetcher implements Closeable {

    /** What a fetch accepts unless told otherwise: web pages first, then PDF documents. */
    public static final String ACCEPT_PAGES = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5";

    private final FetchConfig config;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final LongAdder bytesRead = new LongAdder();

    public Fetcher(FetchConfig config) {
        this(config, new GuardedDnsResolver(config.resolve(), config.allowPrivateHosts()));
    }

    /** With a resolver of one's own: for tests of the guard's rules. */
    public Fetcher(FetchConfig config, DnsResolver resolver) {
        this.config = config;
        Timeout timeout = Timeout.of(config.timeout());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .build())
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(2)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setUserAgent(config.userAgent())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .build())
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /** Body bytes read by every request so far (for the crawler metrics). */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /** GETs one URL and reads at most maxBytes of the body. */
    public FetchResponse get(String url, long maxBytes) throws FetchException {
        return get(url, maxBytes, ACCEPT_PAGES);
    }

    /** GETs one URL asking for the given media types, and reads at most maxBytes of the body. */
    public FetchResponse get(String url, long maxBytes, String accept) throws FetchException {
        HttpGet request;
        try {
            request = new HttpGet(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a valid URL: " + url, false, e);
        }
        request.setHeader("Accept", accept);
        request.setHeader("Accept-Language", "nl-BE,nl;q=0.9,en;q=0.5");
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            int status = response.getCode();
            String contentType = headerValue(response.getFirstHeader("Content-Type"));
            String location = headerValue(response.getFirstHeader("Location"));
            HttpEntity entity = response.getEntity();
            byte[] body = new byte[0];
            int length = 0;
            boolean truncated = false;
            if (entity != null) {
                int limit = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes);
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
                try (InputStream in = entity.getContent()) {
                    byte[] buf = new byte[16 * 1024];
                    int n;
                    while ((n = in.read(buf)) != -1) {
                        int room = limit - out.size();
                        if (n > room) {
                            out.write(buf, 0, room);
                            truncated = true;
                            // drop the connection instead of draining the rest of a huge body
                            request.cancel();
                            break;
                        }
                        out.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    if (!truncated) {
                        throw e;
                    }
                }
                body = out.toByteArray();
                length = body.length;
            }
            bytesRead.add(length);
            return new FetchResponse(url, status, contentType, location, body, length, truncated);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchException("no complete response within " + config.timeout().toMillis() + " ms",
                        false, e);
            }
            throw describe(e);
        } catch (RuntimeException e) {
            // HttpClient reports an aborted request as an unchecked exception in some code paths
            if (timedOut.get()) {
                throw new FetchException("no complete response within " + config.timeout().toMillis() + " ms",
                        false, e);
            }
            throw new FetchException("request failed: " + e.getMessage(), false, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static FetchException describe(IOException e) {
        if (e instanceof GuardedDnsResolver.RefusedHostException) {
            return new FetchException(e.getMessage(), true, e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException("unknown host " + e.getMessage(), true, e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new FetchException("connect timed out", true, e);
        }
        if (e instanceof HttpHostConnectException || e instanceof ConnectException
                || e instanceof NoRouteToHostException) {
            return new FetchException("connection refused: " + e.getMessage(), true, e);
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return new FetchException("read timed out", false, e);
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return new FetchException("TLS failure: " + e.getMessage(), true, e);
        }
        return new FetchException(e.getClass().getSimpleName() + ": " + e.getMessage(), false, e);
    }

    private static String headerValue(Header h) {
        return h == null ? null : h.getValue();
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
        connections.close();
    }
}
