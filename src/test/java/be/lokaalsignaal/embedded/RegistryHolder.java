package be.lokaalsignaal.embedded;

import java.nio.file.Path;

/**
 * A process that starts the embedded registry on a data directory and keeps it, for tests that
 * kill the registry's parent: prints {@code READY <registry pid>} once the registry answers.
 */
public final class RegistryHolder {
    private RegistryHolder() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedRegistry registry = EmbeddedRegistry.start(EmbeddedRegistry.locateApicurioHome(), Path.of(args[0]), 0);
        System.out.println("READY " + registry.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
