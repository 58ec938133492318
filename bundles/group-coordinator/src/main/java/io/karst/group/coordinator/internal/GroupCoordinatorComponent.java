package io.karst.group.coordinator.internal;

import io.karst.api.coordinator.InternalTopics;
import io.karst.api.group.GroupService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.util.Map;

/**
 * Registers the group coordinator as the {@link GroupService}, configured under PID
 * {@code io.karst.group.coordinator}, over the broker's {@link InternalTopics}. When the broker goes,
 * so does the coordinator; when this bundle stops, the broker answers the group APIs with
 * COORDINATOR_NOT_AVAILABLE until a coordinator is back, which loads the groups from the log.
 */
@Component(service = {}, immediate = true, configurationPid = "io.karst.group.coordinator")
@Designate(ocd = GroupCoordinatorComponent.Config.class)
public final class GroupCoordinatorComponent {

    /** The group coordinator's settings; method names map to Kafka's keys ({@code _} becomes {@code .}). */
    @ObjectClassDefinition(name = "Karst group coordinator", description = "Consumer groups and committed offsets, under Kafka's keys")
    public @interface Config {
        @AttributeDefinition(name = "group.initial.rebalance.delay.ms", description = "How long an empty group waits for more members before its first generation")
        int group_initial_rebalance_delay_ms() default GroupCoordinatorConfig.DEFAULT_INITIAL_REBALANCE_DELAY_MS;

        @AttributeDefinition(name = "group.min.session.timeout.ms", description = "Shortest session timeout a group member may ask for")
        int group_min_session_timeout_ms() default GroupCoordinatorConfig.DEFAULT_MIN_SESSION_TIMEOUT_MS;

        @AttributeDefinition(name = "group.max.session.timeout.ms", description = "Longest session timeout a group member may ask for")
        int group_max_session_timeout_ms() default GroupCoordinatorConfig.DEFAULT_MAX_SESSION_TIMEOUT_MS;

        @AttributeDefinition(name = "offsets.topic.num.partitions", description = "Partitions of __consumer_offsets, when it is created")
        int offsets_topic_num_partitions() default GroupCoordinatorConfig.DEFAULT_OFFSETS_TOPIC_NUM_PARTITIONS;

        @AttributeDefinition(name = "offsets.retention.minutes", description = "How long an empty group keeps its committed offsets")
        int offsets_retention_minutes() default GroupCoordinatorConfig.DEFAULT_OFFSETS_RETENTION_MINUTES;

        @AttributeDefinition(name = "offset.metadata.max.bytes", description = "Longest metadata string an offset commit may carry")
        int offset_metadata_max_bytes() default GroupCoordinatorConfig.DEFAULT_OFFSET_METADATA_MAX_BYTES;

        @AttributeDefinition(name = "offsets.retention.check.interval.ms", description = "How often empty groups are checked for expired offsets")
        long offsets_retention_check_interval_ms() default GroupCoordinatorConfig.DEFAULT_OFFSETS_RETENTION_CHECK_INTERVAL_MS;
    }

    private final GroupCoordinatorService service;
    private final ServiceRegistration<GroupService> registration;

    /** Starts the coordinator, then offers it: the broker binds it only once it follows leadership. */
    @Activate
    public GroupCoordinatorComponent(@Reference(policyOption = ReferencePolicyOption.GREEDY) InternalTopics topics,
                                     Map<String, Object> properties, BundleContext context) {
        this.service = GroupCoordinatorService.open(GroupCoordinatorConfig.fromMap(properties), topics);
        this.registration = context.registerService(GroupService.class, service, null);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        service.close();
    }
}
