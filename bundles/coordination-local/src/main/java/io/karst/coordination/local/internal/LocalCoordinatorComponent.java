package io.karst.coordination.local.internal;

import io.karst.api.coordination.Coordinator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.nio.file.Path;

/**
 * Registers a {@link LocalCoordinator} on the directory configured under PID {@code io.karst.coordination.local}.
 *
 * <p>It is also the bundle's plain-Java entry point: {@link #LocalCoordinatorComponent(Path)} starts the same
 * coordinator outside OSGi (the test kit, other bundles' tests), and {@link #close()} stops it.
 */
@Component(service = Coordinator.class, configurationPid = "io.karst.coordination.local", property = "coordinator=local")
@Designate(ocd = LocalCoordinatorComponent.Config.class)
public class LocalCoordinatorComponent extends LocalCoordinator {

    /** The single-node coordinator's settings; method names map to Kafka's keys ({@code _} becomes {@code .}). */
    @ObjectClassDefinition(name = "Karst local coordinator", description = "Single-node cluster metadata kept in a directory.")
    public @interface Config {
        @AttributeDefinition(description = "Directory holding the cluster id and topics; relative to ${karaf.data} when set, "
                + "else to the working directory.")
        String metadata_log_dir() default "karst/metadata";
    }

    @Activate
    public LocalCoordinatorComponent(Config config) {
        super(resolve(config.metadata_log_dir(), System.getProperty("karaf.data")));
    }

    /** The coordinator on {@code metadataDir}, outside OSGi; the caller closes it. */
    public LocalCoordinatorComponent(Path metadataDir) {
        super(metadataDir);
    }

    @Deactivate
    void deactivate() {
        close();
    }

    /** {@code dir} as is when absolute, else against {@code base} when given, else against the working directory. */
    static Path resolve(String dir, String base) {
        Path path = Path.of(dir);
        if (path.isAbsolute() || base == null || base.isBlank()) {
            return path.toAbsolutePath();
        }
        return Path.of(base).resolve(path).toAbsolutePath();
    }
}
