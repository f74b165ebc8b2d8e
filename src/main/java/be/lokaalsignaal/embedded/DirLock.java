package be.lokaalsignaal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock on a file of the data directory, held while a service uses that directory: a
 * second process (or a second service in this JVM) on the same directory is refused. The operating
 * system releases it when this process ends, however it ends, so a lock never outlives its owner.
 */
final class DirLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirLock.class);

    private final FileChannel channel;

    private DirLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * @param refusal the message when another owner holds the lock
     * @throws IllegalStateException when the lock is taken
     */
    static DirLock acquire(Path lockFile, String refusal) {
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) {
                    return new DirLock(channel);
                }
            } catch (OverlappingFileLockException sameJvm) {
                // fall through: taken in this JVM
            }
            channel.close();
            throw new IllegalStateException(refusal + " (lock " + lockFile + " is taken)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + lockFile, e);
        }
    }

    @Override
    public void close() {
        try {
            // closing the channel releases its lock
            channel.close();
        } catch (IOException e) {
            log.warn("Cannot release the data directory lock", e);
        }
    }
}
