package be.lokaalsignaal.scan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The held-out part was labelled twice, by its writers and by analysts who saw neither their labels nor the
 * rules (heldout/second-labels.yml). The two agree on every page: the rules' errors on it are the rules', not
 * judgement calls. A held-out label changed later has to be argued against the second labelling too.
 */
class SecondLabellingTest {
    private static final Path HELDOUT = Path.of("src/test/resources/accuracy/heldout");

    @Test
    void theSecondLabellingOfTheHeldOutPartGivesEveryPageTheSameKinds() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(HELDOUT), HELDOUT + " is not in this tree");
        Map<String, Set<String>> first = kinds(HELDOUT.resolve("labels.yml"));
        Map<String, Set<String>> second = kinds(HELDOUT.resolve("second-labels.yml"));

        assertThat(second.keySet()).as("pages labelled the second time").isEqualTo(first.keySet());
        Map<String, String> differ = new TreeMap<>();
        first.forEach((file, kinds) -> {
            if (!kinds.equals(second.get(file))) {
                differ.put(file, kinds + " first, " + second.get(file) + " second");
            }
        });
        assertThat(differ).as("pages the two labellings disagree on").isEmpty();
    }

    private static Map<String, Set<String>> kinds(Path labels) throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(labels.toFile());
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode page : root) {
            Set<String> kinds = new TreeSet<>();
            page.get("expected").forEach(k -> kinds.add(k.asText()));
            assertThat(out.put(page.get("file").asText(), kinds)).as("%s labelled twice in %s", page.get("file"), labels).isNull();
        }
        return out;
    }
}
