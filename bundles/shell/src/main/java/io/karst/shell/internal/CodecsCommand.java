package io.karst.shell.internal;

import io.karst.api.codec.Codec;
import io.karst.api.codec.CompressionType;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code karst:codecs}: Kafka's four compression codecs, each with the library behind it and
 * whether its codec service is there now. A missing codec's feature can be installed while the
 * broker runs; until then, produce requests that need it get UNSUPPORTED_COMPRESSION_TYPE.
 */
@Service
@Command(scope = "karst", name = "codecs",
        description = "Lists the compression codecs (gzip, snappy, lz4, zstd), their libraries and whether each is available")
public class CodecsCommand implements Action {

    /** Every registered codec service; Karaf injects the current list, empty when there is none. */
    @Reference
    List<Codec> codecs;

    @Override
    public Object execute() {
        // inside a Karaf session System.out is that session's output
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Codec");
        table.column("Id").alignRight();
        table.column("Library");
        table.column("Available");
        for (CompressionType type : CompressionType.values()) {
            if (type == CompressionType.NONE) {
                continue;
            }
            Optional<Codec> codec = codecs.stream().filter(c -> c.id() == type.id()).findFirst();
            table.addRow().addContent(type.kafkaName(), type.id(),
                    codec.map(Codec::library).orElse("-"),
                    codec.isPresent() ? "yes" : "no (feature karst-codec-" + type.kafkaName() + " not installed)");
        }
        table.print(out);
    }
}
