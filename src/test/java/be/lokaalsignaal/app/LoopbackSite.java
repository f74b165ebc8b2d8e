package be.lokaalsignaal.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A municipal website on a loopback port whose pages a test can change between scans. The crawler
 * reaches it by its host name through the host-to-IP overrides ({@link #host()} to 127.0.0.1).
 */
final class LoopbackSite implements AutoCloseable {
    private final String host;
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    private LoopbackSite(String host, HttpServer server) {
        this.host = host;
        this.server = server;
    }

    static LoopbackSite start(String host) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackSite site = new LoopbackSite(host, server);
            server.createContext("/", exchange -> {
                String html = site.pages.get(exchange.getRequestURI().getPath());
                byte[] body = (html == null ? "<html><body>niet gevonden</body></html>" : html).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets (or replaces) the page at a path: a title and a body in a plain HTML page. */
    LoopbackSite page(String path, String title, String body) {
        pages.put(path, "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>" + title + "</title></head><body>"
                + body + "</body></html>");
        return this;
    }

    String host() {
        return host;
    }

    /** The address to put in the register. */
    String url() {
        return "http://" + host + ":" + server.getAddress().getPort() + "/";
    }

    String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
