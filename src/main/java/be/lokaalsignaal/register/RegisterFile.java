package be.lokaalsignaal.register;

import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.text.StrictUtf8;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's register file read row by row: a row with a problem is skipped and reported with its line, so that one
 * bad row does not cost the others ({@link Register#load(Path)}).
 */
final class RegisterFile {

    private RegisterFile() {
    }

    static RegisterLoad load(Path csv) {
        List<String> lines;
        try {
            byte[] bytes = Files.readAllBytes(csv);
            lines = StrictUtf8.decodeFile(bytes).lines().toList();
        } catch (NoSuchFileException e) {
            throw new RegisterException("Register file not found: " + csv);
        } catch (CharacterCodingException e) {
            throw new RegisterException("Register file " + csv + " is not valid UTF-8");
        } catch (IOException e) {
            throw new RegisterException("Register file " + csv + " cannot be read: " + e.getMessage(), e);
        }
        String file = String.valueOf(csv.getFileName());
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new RegisterException("Register file " + csv + " is empty; expected a header nis_code,name,province,website[,centrumstad]");
        }
        RegisterHeader header = RegisterHeader.parse(lines.get(0), csv);
        Set<String> centreCities = Register.bundledCentreCities();
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, Municipality> byNis = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNr = i + 1;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = Csv.split(line);
            if (fields.size() != header.columns) {
                problems.add(new LoadProblem(file, lineNr, "expected " + header.columns + " columns but found " + fields.size()));
                continue;
            }
            String nis = fields.get(header.nis);
            String name = fields.get(header.name);
            String province = fields.get(header.province);
            String website = fields.get(header.website);
            if (!Register.NIS.matcher(nis).matches()) {
                problems.add(new LoadProblem(file, lineNr, "bad NIS code '" + nis + "' (expected 5 digits)"));
                continue;
            }
            if (name.isBlank()) {
                problems.add(new LoadProblem(file, lineNr, "missing name for " + nis));
                continue;
            }
            if (!Register.PROVINCES.contains(province)) {
                problems.add(new LoadProblem(file, lineNr, "unknown province '" + province + "' (expected one of "
                        + String.join(", ", new TreeSet<>(Register.PROVINCES)) + ")"));
                continue;
            }
            if (byNis.containsKey(nis)) {
                problems.add(new LoadProblem(file, lineNr, "duplicate NIS code " + nis));
                continue;
            }
            Optional<String> url;
            try {
                url = Register.normaliseWebsite(website);
            } catch (IllegalArgumentException e) {
                problems.add(new LoadProblem(file, lineNr, "bad website '" + website + "': " + e.getMessage()));
                continue;
            }
            String confidence = header.confidence < 0 ? "" : fields.get(header.confidence).toLowerCase(Locale.ROOT);
            if (!confidence.isEmpty() && !Register.CONFIDENCES.contains(confidence)) {
                problems.add(new LoadProblem(file, lineNr, "bad website_confidence '" + fields.get(header.confidence)
                        + "' (expected one of " + String.join(", ", Register.CONFIDENCES) + ")"));
                continue;
            }
            String source = header.source < 0 ? "" : fields.get(header.source);
            boolean centre;
            if (header.centre >= 0) {
                String flag = fields.get(header.centre).toLowerCase(Locale.ROOT);
                if (flag.equals("true") || flag.equals("1") || flag.equals("ja") || flag.equals("yes")) {
                    centre = true;
                } else if (flag.isEmpty() || flag.equals("false") || flag.equals("0") || flag.equals("nee") || flag.equals("no")) {
                    centre = false;
                } else {
                    problems.add(new LoadProblem(file, lineNr, "bad centrumstad value '" + fields.get(header.centre) + "' (expected true or false)"));
                    continue;
                }
            } else {
                centre = centreCities.contains(nis);
            }
            byNis.put(nis, Municipality.newBuilder()
                    .setNisCode(nis)
                    .setName(name)
                    .setProvince(province)
                    .setCentreCity(centre)
                    .setWebsite(url.orElse(null))
                    .setWebsiteConfidence(url.isEmpty() || confidence.isEmpty() ? null : confidence)
                    .setWebsiteSource(url.isEmpty() || source.isBlank() ? null : source)
                    .setValidFrom(null)
                    .setValidUntil(null)
                    .setSuccessor(null)
                    .setPredecessors(List.of())
                    .build());
        }
        if (byNis.isEmpty()) {
            throw new RegisterException("Register file " + csv + " has no valid row"
                    + (problems.isEmpty() ? "" : " (" + problems.size() + " skipped, the first: " + problems.get(0) + ")")
                    + "; expected rows nis_code,name,province,website");
        }
        return new RegisterLoad(Register.ofLoaded(byNis), problems);
    }
}
