package io.karst.storage.internal;

import java.io.IOException;
import java.nio.file.Path;

/** An index file whose size or entries cannot be right; the index is rebuilt from its {@code .log}. */
final class CorruptIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptIndexException(Path file, String problem) {
        super("index file " + file + " is corrupt: " + problem);
    }
}
