package be.lokaalsignaal.source.newsletter;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class Resources {

    private Resources() {
    }

    static Path path(String resource) {
        try {
            return Path.of(Resources.class.getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + resource, e);
        }
    }
}
