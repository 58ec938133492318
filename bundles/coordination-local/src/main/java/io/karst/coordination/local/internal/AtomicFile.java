package io.karst.coordination.local.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A text file replaced whole and atomically: the new content goes to {@code <name>.tmp}, is forced to disk,
 * renamed over the file, and the directory is forced so that the rename survives a crash. A reader sees
 * the old content or the new, never a mix. A {@code .tmp} left by a crash is ignored and overwritten.
 */
final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);

    private final Path file;
    private final Path temp;

    AtomicFile(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The content; a file that is not valid UTF-8 fails with a {@link java.nio.charset.CharacterCodingException}. */
    String read() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    void write(String content) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(file.toAbsolutePath().getParent());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms and filesystems cannot open or force a directory; the rename is still atomic there.
            LOG.debug("Cannot force directory {} to disk: {}", dir, e.toString());
        }
    }
}
