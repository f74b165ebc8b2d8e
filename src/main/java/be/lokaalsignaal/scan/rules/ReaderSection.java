package be.lokaalsignaal.scan.rules;

import be.lokaalsignaal.scan.reader.ReaderModel;
import be.lokaalsignaal.topics.SignalKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The readers section of signals.yml: per kind at most one model that decides it, with the scores it acts from. */
final class ReaderSection {

    private final CatalogueFields fields;
    private final CataloguePhrases phrases;
    private final Path base;
    private final Set<SignalKind> kinds;

    /**
     * @param base the directory a model file is read from first; null: from the class path only
     * @param kinds the kinds a reader may decide
     */
    ReaderSection(CatalogueFields fields, CataloguePhrases phrases, Path base, Set<SignalKind> kinds) {
        this.fields = fields;
        this.phrases = phrases;
        this.base = base;
        this.kinds = kinds;
    }

    List<SignalCatalogue.Reader> read(JsonNode n, Set<String> ids) {
        List<SignalCatalogue.Reader> out = new ArrayList<>();
        if (n.isMissingNode()) {
            return out;
        }
        fields.requireArray(n, "readers");
        Set<SignalKind> decided = new HashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String path = "readers[" + i + "]";
            JsonNode r = n.get(i);
            if (!r.isObject()) {
                throw fields.fail(path,
                        "expected a mapping with id, kind, model, requires, notTitleOrUrl, adds, confirms and passage");
            }
            fields.onlyKeys(r, path, Set.of("id", "kind", "model", "requires", "notTitleOrUrl", "adds", "confirms",
                    "passage"));
            String id = fields.text(r, path, "id");
            if (!ids.add(id)) {
                throw fields.fail(path + ".id", "duplicate id '" + id + "'");
            }
            SignalKind kind;
            try {
                kind = SignalKind.parse(fields.text(r, path, "kind"));
            } catch (IllegalArgumentException e) {
                throw fields.fail(path + ".kind", e.getMessage());
            }
            if (!kinds.contains(kind) || !decided.add(kind)) {
                throw fields.fail(path + ".kind", "a reader decides one of " + kinds + ", each at most once");
            }
            String file = fields.text(r, path, "model");
            ReaderModel model = model(file, path + ".model");
            if (model.kind() != kind) {
                throw fields.fail(path + ".model", file + " is a model of " + model.kind() + ", not of " + kind);
            }
            List<Phrase> requires = r.has("requires")
                    ? phrases.phrases(r.get("requires"), path + ".requires", true) : List.of();
            List<Phrase> notTitleOrUrl = r.has("notTitleOrUrl")
                    ? phrases.phrases(r.get("notTitleOrUrl"), path + ".notTitleOrUrl", false) : List.of();
            double addsFrom = addsFrom(r.path("adds"), path, model);
            if (addsFrom == SignalCatalogue.Reader.NEVER && (r.has("requires") || r.has("notTitleOrUrl"))) {
                throw fields.fail(path, "a reader that adds nothing (adds: false) has no requires or notTitleOrUrl");
            }
            out.add(new SignalCatalogue.Reader(id, model, requires, notTitleOrUrl, addsFrom,
                    confirmsFrom(r.path("confirms"), path, model), passage(r.path("passage"), path, model)));
        }
        return out;
    }

    /** adds: true (from the model's threshold), false (never) or a score from the threshold up. */
    private double addsFrom(JsonNode adds, String path, ReaderModel model) {
        if (adds.isMissingNode() || adds.isBoolean()) {
            return adds.asBoolean(true) ? model.threshold() : SignalCatalogue.Reader.NEVER;
        }
        if (adds.isNumber() && adds.asDouble() >= model.threshold() && adds.asDouble() <= 1) {
            return adds.asDouble();
        }
        throw fields.fail(path + ".adds", "expected true, false or a score from the model's threshold ("
                + model.threshold() + ") to 1, found '" + adds.asText() + "'");
    }

    /** confirms: the score from which a rule's match stands, up to the threshold (the default). */
    private double confirmsFrom(JsonNode confirms, String path, ReaderModel model) {
        if (confirms.isMissingNode()) {
            return model.threshold();
        }
        if (!confirms.isNumber() || !(confirms.asDouble() > 0) || confirms.asDouble() > model.threshold()) {
            throw fields.fail(path + ".confirms", "expected a score above 0 and up to the model's threshold ("
                    + model.threshold() + "), found '" + confirms.asText() + "'");
        }
        return confirms.asDouble();
    }

    /**
     * passage: the words of a passage that keeps the rules' matches where the page as a whole does not; at least what
     * the reader judges a page from, and at most half the longest page it learned from (a passage is read only on a
     * page twice as long). None by default.
     */
    private int passage(JsonNode passage, String path, ReaderModel model) {
        if (passage.isMissingNode()) {
            return 0;
        }
        int most = model.longest() / 2;
        if (!passage.isInt() || passage.asInt() < ReaderModel.MIN_WORDS || passage.asInt() > most) {
            throw fields.fail(path + ".passage", "expected a number of words from " + ReaderModel.MIN_WORDS
                    + " up to half the longest page the model learned from (" + most + "), found '"
                    + passage.asText() + "'");
        }
        return passage.asInt();
    }

    /**
     * The model beside the catalogue's file, else the bundled one of that name: a copy of signals.yml made to try
     * other rules keeps the bundled reader without copying its table.
     */
    private ReaderModel model(String file, String path) {
        Path beside = base == null ? null : base.resolve(file);
        try (InputStream in = beside != null && Files.isRegularFile(beside) ? Files.newInputStream(beside)
                : ReaderSection.class.getResourceAsStream("/" + file)) {
            if (in == null) {
                throw fields.fail(path, (beside == null ? file : beside + ": file not found") + ", nor bundled");
            }
            return ReaderModel.read(new InputStreamReader(in, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw fields.fail(path, file + ": cannot read: " + e.getMessage());
        } catch (CatalogueException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw fields.fail(path, e.getMessage());
        }
    }
}
