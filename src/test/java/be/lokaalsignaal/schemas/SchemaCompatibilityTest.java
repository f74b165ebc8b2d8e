package be.lokaalsignaal.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consumers outside the project (VVSG) read our topics with the schemas they have: every schema in
 * schemas/ must stay BACKWARD compatible with each released version kept in schemas/history/vN/.
 */
class SchemaCompatibilityTest {
    private static final Path SCHEMAS = Path.of("schemas");
    private static final Path HISTORY = SCHEMAS.resolve("history");

    static Stream<Path> currentSchemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everySchemaHasAReleasedVersionAndReadsEveryReleasedVersion(Path current) throws IOException {
        Schema reader = new Schema.Parser().parse(current.toFile());
        List<Path> released = releasedVersionsOf(current.getFileName().toString());

        assertThat(released).as("released versions of %s under %s", current.getFileName(), HISTORY).isNotEmpty();
        for (Path old : released) {
            Schema writer = new Schema.Parser().parse(old.toFile());
            SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            assertThat(result.getType())
                    .as("%s reading data written with %s: %s", current, old, result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everyFieldIsDocumented(Path current) throws IOException {
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(new Schema.Parser().parse(current.toFile()), undocumented, new ArrayList<>());
        assertThat(undocumented).as("fields without doc in %s", current).isEmpty();
    }

    private static void collectUndocumented(Schema schema, List<String> undocumented, List<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema.getFullName())) {
                    return;
                }
                seen.add(schema.getFullName());
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        undocumented.add(schema.getName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), undocumented, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, undocumented, seen));
            case ARRAY -> collectUndocumented(schema.getElementType(), undocumented, seen);
            case MAP -> collectUndocumented(schema.getValueType(), undocumented, seen);
            default -> { }
        }
    }

    private static List<Path> releasedVersionsOf(String fileName) throws IOException {
        if (!Files.isDirectory(HISTORY)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(HISTORY)) {
            return versions.map(v -> v.resolve(fileName)).filter(Files::exists).sorted(Comparator.naturalOrder()).toList();
        }
    }
}
