package io.karst.transport.netty.internal;

import io.karst.api.coordination.Endpoint;
import io.karst.api.request.RequestHandler;
import io.karst.api.request.Transport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import java.util.List;
import java.util.Map;

/**
 * Runs a {@link NettyTransport} configured under PID {@code io.karst.transport.netty} while a
 * {@link RequestHandler} is present: no handler, no listener.
 *
 * <p>It is also the bundle's plain-Java entry point: its constructor binds the listeners outside OSGi too (the
 * test kit, the benchmarks), and {@link #close()} releases them.
 */
@Component(service = Transport.class, configurationPid = "io.karst.transport.netty", property = "transport=netty")
@Designate(ocd = NettyTransportComponent.Config.class)
public class NettyTransportComponent implements Transport, AutoCloseable {

    /** The listener's settings; method names map to Kafka's keys ({@code _} becomes {@code .}). */
    @ObjectClassDefinition(name = "Karst Netty transport", description = "The Kafka-protocol listener.")
    public @interface Config {
        @AttributeDefinition(description = "Addresses to listen on, comma-separated NAME://host:port; port 0 picks a free port.")
        String listeners() default TransportConfig.DEFAULT_LISTENERS;

        @AttributeDefinition(description = "Largest request (bytes) accepted; a bigger frame closes the connection.")
        int socket_request_max_bytes() default TransportConfig.DEFAULT_SOCKET_REQUEST_MAX_BYTES;

        @AttributeDefinition(description = "Close a connection after this many ms without traffic.")
        long connections_max_idle_ms() default TransportConfig.DEFAULT_CONNECTIONS_MAX_IDLE_MS;

        @AttributeDefinition(description = "Event-loop threads that read, decode and write requests, and serve produce and fetch to open partitions.")
        int num_network_threads() default TransportConfig.DEFAULT_NUM_NETWORK_THREADS;
    }

    private final NettyTransport transport;

    /**
     * Binds the listeners configured by Kafka's keys, as in {@code io.karst.transport.netty.cfg}; activation fails,
     * naming the listener, when one cannot be bound.
     */
    @Activate
    public NettyTransportComponent(@Reference(name = "handler") RequestHandler handler, Map<String, Object> properties) {
        transport = new NettyTransport(TransportConfig.fromMap(properties), handler);
        transport.start();
    }

    /** Closes the listeners and every connection, and stops the event loops. */
    @Deactivate
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String name() {
        return transport.name();
    }

    @Override
    public List<Endpoint> endpoints() {
        return transport.endpoints();
    }
}
