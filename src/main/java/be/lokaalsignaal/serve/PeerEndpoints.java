package be.lokaalsignaal.serve;

import io.javalin.Javalin;

/** A source whose instances answer each other over HTTP registers its internal routes here. */
public interface PeerEndpoints {
    void register(Javalin app);
}
