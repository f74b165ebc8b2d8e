import io.javalin.Javalin;
import java.util.Arrays;

/**
 * The floor of bench/http.sh: a Javalin server (the one lokaal-signaal uses) that answers every
 * {@code GET /api/municipalities/{nis}} with a constant JSON body of the given size, and nothing
 * else. Measured with the same generator on the same machine, it shows what latency the machine,
 * the HTTP stack and the generator leave before the application does anything.
 *
 * <pre>java -cp target/lokaal-signaal-all.jar bench/ConstantServer.java PORT BODY_BYTES</pre>
 */
public final class ConstantServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] body = new byte[Integer.parseInt(args[1])];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        Javalin.create(config -> config.showJavalinBanner = false)
                .get("/api/municipalities/{nis}", ctx -> ctx.contentType("application/json").result(body))
                .start("127.0.0.1", port);
    }
}
