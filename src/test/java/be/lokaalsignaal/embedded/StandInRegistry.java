package be.lokaalsignaal.embedded;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the registry's runner jar, to test how a start handles a registry that dies on start:
 * in a directory holding {@value #FAIL_ALWAYS} it always fails; otherwise it fails on its first start
 * there, as a registry whose port was taken meanwhile would, and answers ready from the next one on.
 */
public final class StandInRegistry {
    static final String FAIL_ALWAYS = "fail-always";
    static final String FAILED_ONCE = "failed-once";

    private StandInRegistry() {}

    public static void main(String[] args) throws IOException {
        Path here = Path.of("").toAbsolutePath();
        if (Files.exists(here.resolve(FAIL_ALWAYS)) || !Files.exists(here.resolve(FAILED_ONCE))) {
            Files.writeString(here.resolve(FAILED_ONCE), "");
            System.out.println("INFO starting");
            System.out.println("ERROR Port " + System.getProperty("quarkus.http.port") + " seems to be in use by another process");
            System.exit(1);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(System.getProperty("quarkus.http.host")),
                Integer.getInteger("quarkus.http.port")), 0);
        server.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
