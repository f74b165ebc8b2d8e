package be.lokaalsignaal.source.learningnetwork;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.source.SourceError;

import java.util.List;

/** Sessions that could be read, and the entries (or files) that could not. */
public record SessionResult(List<LearningNetworkSession> sessions, List<SourceError> errors) {

    public SessionResult {
        sessions = List.copyOf(sessions);
        errors = List.copyOf(errors);
    }
}
