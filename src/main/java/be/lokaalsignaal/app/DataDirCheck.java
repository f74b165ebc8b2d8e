package be.lokaalsignaal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the parts of a data directory belong together, checked on its files before anything
 * starts: a broker log without its metadata, a registry database that is gone, broker data of
 * another cluster, partitions the broker set aside. Starting on such a directory would serve
 * near-empty answers or fail on every query, so the start is refused with one line that says what
 * is damaged; README, "A damaged data directory", says how to recover.
 *
 * <p>What was seen at the last good start (the cluster id, the id of every topic) is kept in
 * {@value #IDENTITY_FILE}, so that a directory whose broker data was replaced or lost is noticed
 * even when what is left looks consistent.
 */
final class DataDirCheck {
    static final String IDENTITY_FILE = "data-dir.properties";
    static final String CLUSTER_ID = "cluster.id";
    static final String TOPIC_PREFIX = "topic.";
    /** The one-line pointer to the recovery steps. */
    static final String RECOVERY = "restore the data directory from a backup, or see \"A damaged data directory\" in the README";

    private static final String METADATA_DIR = "__cluster_metadata-0";
    private static final Pattern PARTITION_DIR = Pattern.compile("(.+)-(\\d+)");
    private static final Pattern STRAY_DIR = Pattern.compile(".+-stray");

    private DataDirCheck() {}

    /** The layout of a data directory of the all-in-one mode. */
    record Layout(Path dataDir) {
        Path kafka() {
            return dataDir.resolve("kafka");
        }

        Path metaProperties() {
            return kafka().resolve("meta.properties");
        }

        Path metadataLog() {
            return kafka().resolve(METADATA_DIR);
        }

        Path registryDatabase() {
            return dataDir.resolve("registry").resolve("registry_db.mv.db");
        }

        Path identity() {
            return dataDir.resolve(IDENTITY_FILE);
        }
    }

    /**
     * Checks the files of an embedded data directory before the broker and the registry start.
     *
     * @param applicationTopics the topics whose records name schema ids in the registry
     * @throws UserError naming the damage and the way to recover
     */
    static void beforeStart(Path dataDir, List<String> applicationTopics) {
        Layout layout = new Layout(dataDir);
        Properties identity = readIdentity(dataDir);
        boolean usedBefore = !identity.isEmpty();
        if (!Files.exists(layout.metaProperties())) {
            if (usedBefore) {
                throw damaged("the broker data of " + layout.kafka() + " is missing (no meta.properties), although this data directory "
                        + "held cluster " + identity.getProperty(CLUSTER_ID));
            }
            return;
        }
        String clusterId = clusterId(layout);
        String known = identity.getProperty(CLUSTER_ID);
        if (known != null && !known.equals(clusterId)) {
            throw damaged("the broker data in " + layout.kafka() + " belongs to another cluster (id " + clusterId
                    + "; this data directory's is " + known + ")");
        }
        List<Path> partitions = partitionDirs(layout.kafka());
        if (!partitions.isEmpty() && !hasMetadata(layout.metadataLog())) {
            throw damaged("the broker metadata of " + layout.kafka() + " is missing (" + METADATA_DIR + "): the broker would set its "
                    + partitions.size() + " topic partitions aside and serve no data");
        }
        List<Path> stray = strayDirs(layout.kafka());
        if (!stray.isEmpty()) {
            throw damaged("the broker of " + layout.kafka() + " set " + stray.size() + " partitions aside as stray (e.g. "
                    + stray.get(0).getFileName() + "): its metadata does not match its logs");
        }
        boolean recordsOnTopics = partitions.stream().anyMatch(p -> isPartitionOf(p, applicationTopics) && hasRecords(p));
        if ((usedBefore || recordsOnTopics) && !Files.exists(layout.registryDatabase())) {
            throw damaged("the schema registry database " + layout.registryDatabase() + " is missing: the records on the topics "
                    + "name schema ids that only it knows");
        }
    }

    /** Checks, after the broker started, that it set nothing aside (it does so when its metadata and logs disagree). */
    static void afterBrokerStart(Path dataDir) {
        List<Path> stray = strayDirs(new Layout(dataDir).kafka());
        if (!stray.isEmpty()) {
            throw damaged("the broker of " + new Layout(dataDir).kafka() + " set " + stray.size() + " partitions aside as stray (e.g. "
                    + stray.get(0).getFileName() + "): its metadata does not match its logs");
        }
    }

    /**
     * Checks the topic ids the broker reports against those recorded at the last good start: a
     * topic deleted and created anew, or missing, has lost its records.
     *
     * @param topicIds topic name to id, as the broker describes them now
     */
    static void topicsKnown(Path dataDir, Map<String, String> topicIds) {
        Properties identity = readIdentity(dataDir);
        for (String key : new TreeMap<>(identity).keySet().stream().map(String::valueOf).toList()) {
            if (!key.startsWith(TOPIC_PREFIX)) {
                continue;
            }
            String topic = key.substring(TOPIC_PREFIX.length());
            String recorded = identity.getProperty(key);
            String now = topicIds.get(topic);
            if (now == null) {
                throw damaged("topic " + topic + " is missing from the broker of " + new Layout(dataDir).kafka()
                        + " (it had id " + recorded + ")");
            }
            if (!now.equals(recorded)) {
                throw damaged("topic " + topic + " on the broker of " + new Layout(dataDir).kafka() + " is not the one this data "
                        + "directory had (id " + now + ", recorded " + recorded + "): it was deleted and created anew");
            }
        }
    }

    /** Records the cluster id and the topic ids of a data directory that started well. */
    static void record(Path dataDir, Map<String, String> topicIds) {
        Layout layout = new Layout(dataDir);
        Properties identity = new Properties();
        identity.setProperty(CLUSTER_ID, clusterId(layout));
        topicIds.forEach((topic, id) -> identity.setProperty(TOPIC_PREFIX + topic, id));
        Path file = layout.identity();
        Path partial = file.resolveSibling(IDENTITY_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial)) {
            identity.store(out, "what this data directory held at its last good start; see DataDirCheck");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static UserError damaged(String what) {
        return new UserError("the data directory is damaged: " + what + "; " + RECOVERY);
    }

    private static Properties readIdentity(Path dataDir) {
        Properties identity = new Properties();
        Path file = new Layout(dataDir).identity();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                identity.load(in);
            } catch (IOException e) {
                throw damaged("cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        return identity;
    }

    private static String clusterId(Layout layout) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(layout.metaProperties())) {
            meta.load(in);
        } catch (IOException e) {
            throw damaged("cannot read " + layout.metaProperties() + " (" + e.getMessage() + ")");
        }
        String id = meta.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw damaged(layout.metaProperties() + " names no cluster.id");
        }
        return id;
    }

    /** Log directories of topic partitions (not the metadata log, not those set aside or being deleted). */
    static List<Path> partitionDirs(Path kafka) {
        return list(kafka).stream()
                .filter(Files::isDirectory)
                .filter(p -> PARTITION_DIR.matcher(p.getFileName().toString()).matches())
                .filter(p -> !p.getFileName().toString().equals(METADATA_DIR))
                .toList();
    }

    private static List<Path> strayDirs(Path kafka) {
        return list(kafka).stream().filter(Files::isDirectory).filter(p -> STRAY_DIR.matcher(p.getFileName().toString()).matches()).toList();
    }

    private static boolean isPartitionOf(Path partitionDir, List<String> topics) {
        Matcher m = PARTITION_DIR.matcher(partitionDir.getFileName().toString());
        return m.matches() && topics.contains(m.group(1));
    }

    /** The metadata log holds a snapshot or a non-empty segment. */
    private static boolean hasMetadata(Path metadataLog) {
        return list(metadataLog).stream().anyMatch(f -> f.getFileName().toString().endsWith(".checkpoint")
                || (f.getFileName().toString().endsWith(".log") && size(f) > 0));
    }

    private static boolean hasRecords(Path partitionDir) {
        return list(partitionDir).stream().anyMatch(f -> f.getFileName().toString().endsWith(".log") && size(f) > 0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
