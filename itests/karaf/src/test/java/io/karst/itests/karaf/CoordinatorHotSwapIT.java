package io.karst.itests.karaf;

import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;
import io.karst.api.record.RecordBatches;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The coordinator bundle goes away and comes back while the broker runs (DESIGN rule 3): the
 * listener stays up, produce and fetch on an existing topic go on, a topic change gets the
 * retriable NOT_CONTROLLER, and everything works again once the feature is back, with no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoordinatorHotSwapIT {
    private static final String FEATURE = "karst-coordination-local";
    private static final String TOPIC = "kept-serving";
    private static final short NONE = 0;
    private static final short NOT_CONTROLLER = 41;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        return KarstContainer.options();
    }

    @Test
    public void theBrokerServesWithoutItsCoordinatorAndTakesItBack() throws Exception {
        int port = Integer.parseInt(System.getProperty(KarstContainer.KAFKA_PORT_PROPERTY));
        KarstContainer.eventually(() -> {
            try (KafkaWire wire = KafkaWire.connect(port)) {
                assertEquals("CreateTopics error", NONE, wire.createTopic(TOPIC));
            }
        });
        try (KafkaWire wire = KafkaWire.connect(port)) {
            assertEquals(0L, wire.produce(TOPIC, batch("before")).baseOffset());
        }
        KarstContainer.eventually(() -> assertTrue(KarstContainer.executeAsAdmin(sessionFactory, "feature:list -i")
                .contains(FEATURE)));

        KarstContainer.executeAsAdmin(sessionFactory, "feature:uninstall " + FEATURE);
        KarstContainer.eventually(() -> assertTrue(status(), status().contains("Coordinator:  none")));
        try (KafkaWire wire = KafkaWire.connect(port)) {
            KafkaWire.Acknowledgement during = wire.produce(TOPIC, batch("during"));
            assertEquals("produce without a coordinator", NONE, during.errorCode());
            assertEquals(1L, during.baseOffset());
            assertEquals("a new topic without a coordinator", NOT_CONTROLLER, wire.createTopic("not-now"));
            assertEquals("fetch without a coordinator", 2, RecordBatches.split(wire.fetch(TOPIC, 0)).size());
        }

        KarstContainer.executeAsAdmin(sessionFactory, "feature:install " + FEATURE);
        KarstContainer.eventually(() -> assertTrue(status(), status().contains("Coordinator:  local")));
        try (KafkaWire wire = KafkaWire.connect(port)) {
            assertEquals(2L, wire.produce(TOPIC, batch("after")).baseOffset());
            assertEquals("a new topic once the coordinator is back", NONE, wire.createTopic("now"));
            List<RecordBatch> stored = RecordBatches.split(wire.fetch(TOPIC, 0));
            assertEquals(3, stored.size());
        }
    }

    private String status() throws Exception {
        return KarstContainer.execute(sessionFactory, "karst:status");
    }

    private static ByteBuffer batch(String value) {
        RecordBatch batch = new RecordBatchBuilder()
                .add(System.currentTimeMillis(), null, value.getBytes(StandardCharsets.UTF_8), List.of())
                .build();
        return batch.buffer();
    }
}
