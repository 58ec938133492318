package io.karst.itests.karaf;

import io.karst.api.codec.BufferPool;
import io.karst.api.codec.Codec;
import io.karst.api.codec.PooledOutputStream;
import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;
import io.karst.api.record.RecordBatchCompression;
import io.karst.api.record.RecordBatches;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The codec bundles in the running distribution: all four active (native libraries loaded inside Karaf),
 * and the lz4 codec's feature uninstalled and installed again while a client keeps producing lz4 batches.
 * Without the codec the client gets UNSUPPORTED_COMPRESSION_TYPE, nothing else; with it back, produce works
 * again without a restart; every acknowledged batch is in the log byte for byte and nothing else is; and
 * {@code karst:codecs} tells each state. The client is a bare socket in the test (no Kafka client in Karaf),
 * its lz4 batches made beforehand with the lz4 codec service itself.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CodecHotSwapIT {

    private static final List<String> CODEC_BUNDLES = List.of(
            "io.karst.codec-gzip", "io.karst.codec-snappy", "io.karst.codec-lz4", "io.karst.codec-zstd");
    private static final String LZ4_FEATURE = "karst-codec-lz4";
    private static final String TOPIC = "lz4-hot-swap";
    private static final short NONE = 0;
    private static final short UNSUPPORTED_COMPRESSION_TYPE = 76;
    /** Enough batches for the whole test at one every {@link #PACE_MS}: two minutes' worth. */
    private static final int BATCHES = 6_000;
    private static final int RECORDS_PER_BATCH = 5;
    private static final long PACE_MS = 20;
    /** Answers to see in each phase before moving on. */
    private static final int ANSWERS_PER_PHASE = 10;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        return KarstContainer.options();
    }

    @Test
    public void everyCodecBundleIsActiveWithItsNativeLibraryLoaded() throws Exception {
        KarstContainer.eventually(() -> {
            Map<String, Bundle> bundles = new HashMap<>();
            for (Bundle bundle : bundleContext.getBundles()) {
                bundles.put(bundle.getSymbolicName(), bundle);
            }
            for (String name : CODEC_BUNDLES) {
                assertNotNull(name + " is not installed", bundles.get(name));
                assertEquals(name + " is not ACTIVE", Bundle.ACTIVE, bundles.get(name).getState());
            }
            String codecs = codecs();
            assertAvailable(codecs, "gzip", 1, "java\\.util\\.zip .+");
            assertAvailable(codecs, "snappy", 2, "snappy-java 1\\.1\\.10\\.\\d+");
            // lz4-java falls back to pure Java where its native library does not load: it must load here
            assertAvailable(codecs, "lz4", 3, "lz4-java 1\\.\\d+\\.\\d+ \\(LZ4Factory:JNI\\)");
            assertAvailable(codecs, "zstd", 4, "zstd-jni 1\\.5\\.\\d+\\.\\d+");
        });
    }

    @Test
    public void lz4GoesAwayAndComesBackWhileAClientProducesLz4WithoutLosingAnAcknowledgedRecord() throws Exception {
        KarstContainer.eventually(() -> assertAvailable(codecs(), "lz4", 3, ".+"));
        // Karaf's feature commands register while the container finishes booting
        KarstContainer.eventually(() -> assertTrue(
                KarstContainer.executeAsAdmin(sessionFactory, "feature:list -i").contains(LZ4_FEATURE)));
        List<ByteBuffer> batches = lz4Batches();
        int port = Integer.parseInt(System.getProperty(KarstContainer.KAFKA_PORT_PROPERTY));
        KarstContainer.eventually(() -> { // the listener starts after the broker
            try (KafkaWire wire = KafkaWire.connect(port)) {
                assertEquals("CreateTopics error", 0, wire.createTopic(TOPIC));
            }
        });

        PacedProducer producer = PacedProducer.start(port, TOPIC, batches, PACE_MS);
        try {
            awaitAnswers(producer, "acknowledgements with lz4 installed", NONE, -1);

            KarstContainer.executeAsAdmin(sessionFactory, "feature:uninstall " + LZ4_FEATURE);
            assertUnavailable(codecs(), "lz4", 3);
            int lastAcknowledged = lastIndex(producer.outcomes(), NONE);
            awaitAnswers(producer, "UNSUPPORTED_COMPRESSION_TYPE answers without lz4", UNSUPPORTED_COMPRESSION_TYPE,
                    lastAcknowledged);

            KarstContainer.executeAsAdmin(sessionFactory, "feature:install " + LZ4_FEATURE);
            KarstContainer.eventually(() -> assertAvailable(codecs(), "lz4", 3, ".+"));
            int lastRejected = lastIndex(producer.outcomes(), UNSUPPORTED_COMPRESSION_TYPE);
            awaitAnswers(producer, "acknowledgements with lz4 installed again", NONE, lastRejected);
        } finally {
            producer.close();
        }
        // read after close: the batch in flight when the test stopped the client has its answer too
        List<PacedProducer.Outcome> outcomes = producer.outcomes();

        List<String> unexpected = outcomes.stream()
                .filter(o -> o.errorCode() != NONE && o.errorCode() != UNSUPPORTED_COMPRESSION_TYPE)
                .map(Object::toString).toList();
        assertTrue("answers other than NONE and UNSUPPORTED_COMPRESSION_TYPE: " + unexpected, unexpected.isEmpty());
        assertEveryAcknowledgedBatchIsStoredAsSentAndNothingElse(outcomes, batches, port);
    }

    /** Waits until at least {@link #ANSWERS_PER_PHASE} answers with {@code errorCode} follow the {@code after}-th batch. */
    private static void awaitAnswers(PacedProducer producer, String what, short errorCode, int after) throws Exception {
        KarstContainer.eventually(() -> {
            List<PacedProducer.Outcome> outcomes = producer.outcomes();
            long seen = outcomes.stream().filter(o -> o.index() > after && o.errorCode() == errorCode).count();
            assertTrue("the client ran out of batches before " + what, seen >= ANSWERS_PER_PHASE || producer.hasMore());
            assertTrue("only " + seen + " " + what + "; last answers: "
                    + outcomes.subList(Math.max(0, outcomes.size() - 5), outcomes.size()), seen >= ANSWERS_PER_PHASE);
        });
    }

    private static int lastIndex(List<PacedProducer.Outcome> outcomes, short errorCode) {
        return outcomes.stream().filter(o -> o.errorCode() == errorCode).mapToInt(PacedProducer.Outcome::index)
                .max().orElse(-1);
    }

    /** Reads the partition back: each acknowledged batch at its offset, byte for byte, and no other batch. */
    private static void assertEveryAcknowledgedBatchIsStoredAsSentAndNothingElse(
            List<PacedProducer.Outcome> outcomes, List<ByteBuffer> sent, int port) throws IOException {
        Map<Long, RecordBatch> stored = new HashMap<>();
        try (KafkaWire wire = KafkaWire.connect(port)) {
            long offset = 0;
            while (true) {
                List<RecordBatch> fetched = RecordBatches.split(wire.fetch(TOPIC, offset));
                if (fetched.isEmpty()) {
                    break;
                }
                for (RecordBatch batch : fetched) {
                    stored.put(batch.baseOffset(), batch);
                    offset = batch.nextOffset();
                }
            }
        }
        List<PacedProducer.Outcome> acknowledged = outcomes.stream().filter(o -> o.errorCode() == NONE).toList();
        for (PacedProducer.Outcome ack : acknowledged) {
            RecordBatch batch = stored.get(ack.baseOffset());
            assertNotNull("acknowledged batch " + ack.index() + " is not at offset " + ack.baseOffset(), batch);
            // from the magic byte on (CRC, codec, records): what the broker does not own is as the client sent it
            assertEquals("bytes of batch " + ack.index(), from(sent.get(ack.index()), RecordBatch.MAGIC),
                    from(batch.buffer(), RecordBatch.MAGIC));
        }
        assertEquals("batches in the log", acknowledged.size(), stored.size());
    }

    /** Prepares the client's batches with the lz4 codec service, before it goes away. */
    private List<ByteBuffer> lz4Batches() throws Exception {
        Collection<ServiceReference<Codec>> refs = bundleContext.getServiceReferences(Codec.class, "(codec=lz4)");
        assertTrue("no lz4 codec service", !refs.isEmpty());
        ServiceReference<Codec> ref = refs.iterator().next();
        Codec lz4 = bundleContext.getService(ref);
        BufferPool pool = new BufferPool(1);
        List<ByteBuffer> batches = new ArrayList<>(BATCHES);
        try {
            for (int i = 0; i < BATCHES; i++) {
                RecordBatchBuilder builder = new RecordBatchBuilder();
                for (int r = 0; r < RECORDS_PER_BATCH; r++) {
                    builder.add(System.currentTimeMillis(), utf8("key-" + i), utf8("{\"batch\":" + i + ",\"record\":"
                            + r + ",\"msg\":\"produced while the lz4 codec comes and goes\"}"), List.of());
                }
                RecordBatch plain = builder.build();
                try (PooledOutputStream out = new PooledOutputStream(pool, 1 << 20)) {
                    RecordBatch compressed = RecordBatchCompression.withRecords(plain,
                            RecordBatchCompression.recordsSection(plain), lz4, out);
                    ByteBuffer copy = ByteBuffer.allocate(compressed.sizeInBytes()).put(compressed.buffer()).flip();
                    batches.add(copy);
                }
            }
        } finally {
            bundleContext.ungetService(ref);
        }
        return batches;
    }

    private String codecs() throws Exception {
        return KarstContainer.execute(sessionFactory, "karst:codecs");
    }

    private static void assertAvailable(String table, String codec, int id, String libraryRegex) {
        assertRow(table, codec + "\\s*[|│]\\s*" + id + "\\s*[|│]\\s*" + libraryRegex + "\\s*[|│]\\s*yes\\s*$");
    }

    private static void assertUnavailable(String table, String codec, int id) {
        assertRow(table, codec + "\\s*[|│]\\s*" + id + "\\s*[|│]\\s*-\\s*[|│]\\s*no\\b.*$");
    }

    private static void assertRow(String table, String rowRegex) {
        assertTrue("expected a row matching /" + rowRegex + "/ in:\n" + table,
                Pattern.compile("^" + rowRegex, Pattern.MULTILINE).matcher(table).find());
    }

    private static ByteBuffer from(ByteBuffer batch, int position) {
        return batch.duplicate().position(position).slice();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
