package io.karst.shell.internal;

import io.karst.api.broker.ProducedRecord;
import io.karst.api.broker.RecordAdmin;
import io.karst.api.record.Header;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code karst:produce}: the console producer. Writes each value given on the command line, or each
 * line of the input when none is given, as one record; with {@code --key-separator} a line is split
 * into key and value at the first separator.
 */
@Service
@Command(scope = "karst", name = "produce",
        description = "Writes records to a topic: the values given, or one per input line")
public class ProduceCommand implements Action {

    @Reference(optional = true)
    RecordAdmin records;

    @Argument(index = 0, name = "topic", description = "The topic", required = true)
    @Completion(TopicNameCompleter.class)
    String topic;

    @Argument(index = 1, name = "values", description = "Record values; none: read lines from the input",
            multiValued = true)
    List<String> values;

    @Option(name = "--partition", aliases = "-p", description = "The partition (default: by key, or 0 without one)")
    Integer partition;

    @Option(name = "--key", aliases = "-k", description = "The key of every record")
    String key;

    @Option(name = "--key-separator", aliases = "-K", description = "Split each value into key and value at this separator")
    String keySeparator;

    @Option(name = "--header", aliases = "-H", description = "A header of every record, as name=value", multiValued = true)
    List<String> headers;

    @Override
    public Object execute() throws Exception {
        print(System.out, System.in);
        return null;
    }

    void print(PrintStream out, InputStream in) throws Exception {
        RecordAdmin admin = CommandSupport.running(records);
        List<Header> recordHeaders = new ArrayList<>();
        CommandSupport.keyValues(headers, "header").forEach((name, value) -> recordHeaders.add(new Header(name, CommandSupport.bytes(value))));
        List<String> lines = values == null || values.isEmpty() ? readLines(in) : values;
        for (String line : lines) {
            String recordKey = key;
            String value = line;
            if (keySeparator != null && !keySeparator.isEmpty()) {
                int at = line.indexOf(keySeparator);
                if (at >= 0) {
                    recordKey = line.substring(0, at);
                    value = line.substring(at + keySeparator.length());
                }
            }
            String k = recordKey;
            String v = value;
            ProducedRecord written = CommandSupport.call(() ->
                    admin.produce(topic, partition, CommandSupport.bytes(k), CommandSupport.bytes(v), recordHeaders));
            out.println("Wrote a record to partition " + written.topicPartition().partition() + " of " + topic
                    + " at offset " + written.offset());
        }
    }

    private static List<String> readLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
