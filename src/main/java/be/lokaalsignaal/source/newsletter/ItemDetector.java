package be.lokaalsignaal.source.newsletter;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.register.NameMatcher;
import be.lokaalsignaal.register.TextFold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies the rule catalogue and the name matcher to one item: is it a CALL, which practices does it feature. */
public final class ItemDetector {

    static final int MAX_SNIPPET = 300;

    private final NewsletterRules rules;
    private final NameMatcher names;

    public ItemDetector(NewsletterRules rules, NameMatcher names) {
        this.rules = rules;
        this.names = names;
    }

    /** The item with its detections; municipality codes are those in force on the issue date. */
    public NewsletterItem detect(String heading, String text, List<String> links, LocalDate issueDate) {
        String all = heading.isEmpty() ? text : heading + "\n" + text;
        String folded = TextFold.fold(all);
        Optional<String> callSnippet = callSnippet(all, text, folded, links);
        return NewsletterItem.newBuilder()
                .setHeading(heading)
                .setText(text)
                .setLinks(List.copyOf(links))
                .setCall(callSnippet.isPresent())
                .setCallSnippet(callSnippet.orElse(null))
                .setFeatured(featured(all, text, folded, issueDate))
                .build();
    }

    private Optional<String> callSnippet(String all, String text, String folded, List<String> links) {
        NewsletterRules.Rule call = rules.call();
        if (call.requiresWatchedSite() && !watchedSiteIn(folded, links)) {
            return Optional.empty();
        }
        if (!call.matches(folded)) {
            return Optional.empty();
        }
        // the evidence is the sentence that carries the request: the first with every group (the body
        // before the heading, which only announces it), else the sentence with the action
        int bodyStart = all.length() - text.length();
        List<int[]> sentences = new ArrayList<>(Snippets.sentences(all));
        sentences.sort(java.util.Comparator.comparing((int[] s) -> s[0] < bodyStart));
        for (int[] s : sentences) {
            String sentence = folded.substring(s[0], s[1]);
            if (call.allOf().stream().allMatch(g -> g.find(sentence).isPresent())) {
                return Optional.of(Snippets.around(all, s[0], s[1], s[0]));
            }
        }
        int[] action = call.allOf().get(0).find(folded).orElseThrow();
        return Optional.of(Snippets.sentenceAt(all, action[0]));
    }

    private boolean watchedSiteIn(String folded, List<String> links) {
        for (NewsletterRules.WatchedSite site : rules.watchedSites()) {
            if (site.namedIn(folded) || links.stream().anyMatch(site::linkedBy)) {
                return true;
            }
        }
        return false;
    }

    private List<FeaturedMunicipality> featured(String all, String text, String folded, LocalDate date) {
        if (!rules.featured().matches(folded)) {
            return List.of();
        }
        // one entry per municipality, in order of first mention; the evidence comes from the body
        // when the body names it, because a heading rarely says what the practice is
        int bodyStart = all.length() - text.length();
        Map<String, NameMatcher.Match> chosen = new LinkedHashMap<>();
        for (NameMatcher.Match m : names.find(all, date)) {
            NameMatcher.Match earlier = chosen.get(m.nisCode());
            if (earlier == null || (earlier.start() < bodyStart && m.start() >= bodyStart)) {
                chosen.put(m.nisCode(), m);
            }
        }
        List<FeaturedMunicipality> featured = new ArrayList<>();
        for (NameMatcher.Match m : chosen.values()) {
            featured.add(FeaturedMunicipality.newBuilder()
                    .setNisCode(m.nisCode())
                    .setMatchedName(m.matchedName())
                    .setSnippet(Snippets.sentenceAt(all, m.start()))
                    .build());
        }
        return featured;
    }
}
