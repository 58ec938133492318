package io.karst.itests;

import io.karst.testsupport.EmbeddedKarst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Karst broker as a process of its own, for tests that kill it: {@code KarstMain <data dir> <port>}
 * starts {@link EmbeddedKarst} on the data directory and the port (0: any free one), prints
 * {@code KARST_PORT=<port>} on standard output and runs until its standard input closes, then stops
 * cleanly. Logging goes to standard error.
 */
public final class KarstMain {

    /** The line prefix announcing the port. */
    static final String PORT_LINE = "KARST_PORT=";

    private KarstMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KarstMain <data dir> <port>");
        }
        try (EmbeddedKarst karst = EmbeddedKarst.start(Path.of(args[0]),
                Map.of("listeners", "PLAINTEXT://127.0.0.1:" + Integer.parseInt(args[1])))) {
            System.out.println(PORT_LINE + karst.port());
            System.out.flush();
            waitForEndOfInput();
        }
    }

    private static void waitForEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // anything typed is ignored; the end of input stops the broker
        }
    }
}
