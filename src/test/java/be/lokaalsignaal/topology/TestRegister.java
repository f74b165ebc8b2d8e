package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.Municipality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The 312 Municipality records (300 of 2019, 285 of 2025, 273 codes in both) built from the bundled register files. */
final class TestRegister {
    static final LocalDate LAST_DAY_2024 = LocalDate.of(2024, 12, 31);
    static final LocalDate FIRST_DAY_2025 = LocalDate.of(2025, 1, 1);

    private TestRegister() {}

    static Map<String, Municipality> all() {
        Map<String, String[]> y2019 = rows("municipalities-2019.csv");
        Map<String, String[]> y2025 = rows("municipalities-2025.csv");
        Map<String, String> successor = new LinkedHashMap<>();
        Map<String, List<String>> predecessors = new LinkedHashMap<>();
        for (String[] m : rows("mergers-2025.csv").values()) {
            // keyed by old code: every old code appears once
            if (!m[0].equals(m[2])) {
                successor.put(m[0], m[2]);
                predecessors.computeIfAbsent(m[2], k -> new ArrayList<>()).add(m[0]);
            }
        }
        Map<String, Municipality> out = new LinkedHashMap<>();
        for (String[] r : y2019.values()) {
            boolean stays = y2025.containsKey(r[0]);
            out.put(r[0], municipality(r, null, stays ? null : LAST_DAY_2024, stays ? null : successor.get(r[0]),
                    predecessors.getOrDefault(r[0], List.of())));
        }
        for (String[] r : y2025.values()) {
            if (!out.containsKey(r[0])) {
                out.put(r[0], municipality(r, FIRST_DAY_2025, null, null, predecessors.getOrDefault(r[0], List.of())));
            }
        }
        return out;
    }

    static Municipality get(String nis) {
        return Objects.requireNonNull(all().get(nis), nis);
    }

    private static Municipality municipality(String[] r, LocalDate from, LocalDate until, String successor, List<String> predecessors) {
        return Municipality.newBuilder()
                .setNisCode(r[0]).setName(r[1]).setProvince(r[2]).setCentreCity(Boolean.parseBoolean(r[3]))
                .setWebsite(r.length > 4 && !r[4].isBlank() ? "https://" + r[4] : null)
                .setValidFrom(from).setValidUntil(until).setSuccessor(successor).setPredecessors(new ArrayList<>(predecessors))
                .build();
    }

    private static Map<String, String[]> rows(String file) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(TestRegister.class.getResourceAsStream("/register/" + file), file), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    rows.put(cells[0], cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
