package be.lokaalsignaal.app;

import java.time.Duration;

/**
 * Shortens how long a start waits for a given cluster to answer, so a test of an unreachable
 * cluster does not sit out the production wait. Restore with {@link #reset()}.
 */
public final class ClusterWait {
    private ClusterWait() {}

    public static void set(Duration wait) {
        ClusterCheck.reachableWait = wait;
    }

    public static void reset() {
        ClusterCheck.reachableWait = ClusterCheck.WAIT;
    }
}
