package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.source.SourceError;

import java.util.ArrayList;
import java.util.List;

/** Issues that could be read, and the inputs that could not. */
public record NewsletterResult(List<NewsletterIssue> issues, List<SourceError> errors) {

    public NewsletterResult {
        issues = List.copyOf(issues);
        errors = List.copyOf(errors);
    }

    public static NewsletterResult of(NewsletterIssue issue) {
        return new NewsletterResult(List.of(issue), List.of());
    }

    public static NewsletterResult of(SourceError error) {
        return new NewsletterResult(List.of(), List.of(error));
    }

    public NewsletterResult plus(NewsletterResult other) {
        List<NewsletterIssue> i = new ArrayList<>(issues);
        i.addAll(other.issues);
        List<SourceError> e = new ArrayList<>(errors);
        e.addAll(other.errors);
        return new NewsletterResult(i, e);
    }
}
