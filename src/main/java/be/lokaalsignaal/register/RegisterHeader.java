package be.lokaalsignaal.register;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a register CSV's columns stand, found by name (Dutch or English) in its header line. */
final class RegisterHeader {
    int columns;
    int nis = -1;
    int name = -1;
    int province = -1;
    int website = -1;
    int centre = -1;
    int confidence = -1;
    int source = -1;

    static RegisterHeader parse(String line, Path file) {
        RegisterHeader h = new RegisterHeader();
        List<String> names = Csv.split(line.startsWith("\uFEFF") ? line.substring(1) : line);
        h.columns = names.size();
        for (int i = 0; i < names.size(); i++) {
            switch (names.get(i).toLowerCase(Locale.ROOT)) {
                case "nis_code", "nis" -> h.nis = i;
                case "name", "naam" -> h.name = i;
                case "province", "provincie" -> h.province = i;
                case "website" -> h.website = i;
                case "centrumstad", "centre_city" -> h.centre = i;
                case "website_confidence", "confidence" -> h.confidence = i;
                case "website_source", "source" -> h.source = i;
                default -> {
                }
            }
        }
        List<String> missing = new ArrayList<>();
        if (h.nis < 0) {
            missing.add("nis_code");
        }
        if (h.name < 0) {
            missing.add("name");
        }
        if (h.province < 0) {
            missing.add("province");
        }
        if (h.website < 0) {
            missing.add("website");
        }
        if (!missing.isEmpty()) {
            throw new RegisterException("Register file " + file + ": header line lacks column(s) "
                    + String.join(", ", missing) + "; expected nis_code,name,province,website[,centrumstad]");
        }
        return h;
    }
}
