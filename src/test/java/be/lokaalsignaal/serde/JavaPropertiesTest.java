package be.lokaalsignaal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the serializer registers for a generated class is, character for character, what a client
 * registers for the schema file: Apicurio's ccompat API matches schemas by their text, so any
 * difference would be a new version under the subject.
 */
class JavaPropertiesTest {

    static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void theGeneratedClassWithoutJavaPropertiesPrintsExactlyAsItsSchemaFile(Path file) throws Exception {
        Schema fromFile = new Schema.Parser().parse(file.toFile());
        Class<?> generated = Class.forName(fromFile.getFullName());

        Schema registered = JavaProperties.removedFrom(SpecificData.get().getSchema(generated));

        assertThat(registered.toString()).isEqualTo(fromFile.toString());
    }

    @Test
    void removesTheJavaPropertiesEverywhereButLeavesDefaultsAndDocsAlone() {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "R", "namespace": "x", "doc": "java-class stays in a doc", "java-class": "x.R", "fields": [
                  {"name": "s", "type": {"type": "string", "avro.java.string": "String"}, "doc": "S."},
                  {"name": "m", "type": {"type": "map", "values": "long", "java-key-class": "java.io.File"}, "default": {"java-x": 1}, "doc": "M."},
                  {"name": "a", "type": ["null", {"type": "array", "items": {"type": "string", "avro.java.string": "String"}}], "default": null, "doc": "A."}
                ]}""");

        String removed = JavaProperties.removedFrom(schema).toString();

        assertThat(removed).doesNotContain("avro.java.string").doesNotContain("\"java-class\"").doesNotContain("java-key-class")
                .contains("\"java-x\":1").contains("java-class stays in a doc");
    }

    @Test
    void leavesASchemaWithoutJavaPropertiesAsItIs() {
        Schema plain = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"P\", \"fields\": [{\"name\": \"n\", \"type\": \"long\"}]}");

        assertThat(JavaProperties.removedFrom(plain)).isSameAs(plain);
    }
}
