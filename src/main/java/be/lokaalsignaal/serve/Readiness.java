package be.lokaalsignaal.serve;

import java.util.List;
import java.util.function.Supplier;

/**
 * Whether the data is there: health says UP only then, so that a client that waits for UP and
 * then reads totals gets complete numbers. While not ready it says what it still waits for.
 */
@FunctionalInterface
public interface Readiness {

    Health check();

    /**
     * @param up true when every part runs and the data published before start-up is processed
     * @param waitingFor while not up, what is still missing, one sentence each
     */
    record Health(boolean up, List<String> waitingFor) {
        public Health {
            waitingFor = List.copyOf(waitingFor);
        }

        public static Health ready() {
            return new Health(true, List.of());
        }

        public static Health notReady(List<String> missing) {
            return new Health(false, missing);
        }
    }

    /** A readiness that only knows yes or no. */
    static Readiness of(Supplier<Boolean> ready) {
        return () -> Boolean.TRUE.equals(ready.get()) ? Health.ready() : Health.notReady(List.of("the system is starting"));
    }
}
