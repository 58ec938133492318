package io.karst.itests.karaf;

import io.karst.api.record.RecordBatch;
import io.karst.api.record.RecordBatchBuilder;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The group coordinator bundle goes away and comes back while the broker runs (DESIGN rule 3):
 * meanwhile the group APIs get the retriable COORDINATOR_NOT_AVAILABLE and produce goes on; the
 * returning coordinator reads the committed offsets back from __consumer_offsets.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GroupCoordinatorHotSwapIT {
    private static final String FEATURE = "karst-group-coordinator";
    private static final String TOPIC = "tracked";
    private static final String GROUP = "trackers";
    private static final short NONE = 0;
    private static final short COORDINATOR_NOT_AVAILABLE = 15;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        return KarstContainer.options();
    }

    @Test
    public void theGroupAPIsWaitForTheCoordinatorAndItsOffsetsComeBackWithIt() throws Exception {
        int port = Integer.parseInt(System.getProperty(KarstContainer.KAFKA_PORT_PROPERTY));
        KarstContainer.eventually(() -> {
            try (KafkaWire wire = KafkaWire.connect(port)) {
                assertEquals("CreateTopics error", NONE, wire.createTopic(TOPIC));
                assertEquals("FindCoordinator error", NONE, wire.findCoordinator(GROUP));
                assertEquals("OffsetCommit error", NONE, wire.commitOffset(GROUP, TOPIC, 42));
            }
        });
        KarstContainer.eventually(() -> assertTrue(KarstContainer.executeAsAdmin(sessionFactory, "feature:list -i")
                .contains(FEATURE)));

        KarstContainer.executeAsAdmin(sessionFactory, "feature:uninstall " + FEATURE);
        KarstContainer.eventually(() -> {
            try (KafkaWire wire = KafkaWire.connect(port)) {
                assertEquals("FindCoordinator without a coordinator", COORDINATOR_NOT_AVAILABLE,
                        wire.findCoordinator(GROUP));
            }
        });
        try (KafkaWire wire = KafkaWire.connect(port)) {
            assertEquals("OffsetCommit without a coordinator", COORDINATOR_NOT_AVAILABLE,
                    wire.commitOffset(GROUP, TOPIC, 43));
            try {
                wire.committedOffset(GROUP, TOPIC);
                fail("OffsetFetch answered without a coordinator");
            } catch (IOException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().endsWith("error " + COORDINATOR_NOT_AVAILABLE));
            }
            RecordBatch batch = new RecordBatchBuilder().add(System.currentTimeMillis(), null,
                    "while the coordinator is away".getBytes(StandardCharsets.UTF_8), List.of()).build();
            assertEquals("produce without a group coordinator", NONE, wire.produce(TOPIC, batch.buffer()).errorCode());
        }

        KarstContainer.executeAsAdmin(sessionFactory, "feature:install " + FEATURE);
        KarstContainer.eventually(() -> {
            try (KafkaWire wire = KafkaWire.connect(port)) {
                assertEquals("FindCoordinator once it is back", NONE, wire.findCoordinator(GROUP));
                assertEquals("the offset committed before", 42L, wire.committedOffset(GROUP, TOPIC));
            }
        });
    }
}
