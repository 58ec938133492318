package io.karst.broker.internal.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MBeans one broker registered in an MBean server (the platform's, which Karaf's JMX serves), so
 * that all of them go away when it closes. A name another broker in the same JVM already holds is
 * skipped with a warning.
 */
final class JmxRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JmxRegistry.class);

    private final MBeanServer server;
    private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();

    JmxRegistry(MBeanServer server) {
        this.server = server;
    }

    /** Registers {@code mbean} as {@code name} (e.g. {@code kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec}). */
    void register(String name, Object mbean) {
        try {
            ObjectName objectName = new ObjectName(name);
            server.registerMBean(mbean, objectName);
            registered.add(objectName);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("MBean {} is already registered (another broker in this JVM?); not registering it again", name);
        } catch (JMException e) {
            LOG.warn("Cannot register MBean {}", name, e);
        }
    }

    void unregister(String name) {
        try {
            ObjectName objectName = new ObjectName(name);
            if (registered.remove(objectName)) {
                server.unregisterMBean(objectName);
            }
        } catch (InstanceNotFoundException e) {
            LOG.debug("MBean {} was already gone", name);
        } catch (JMException e) {
            LOG.warn("Cannot unregister MBean {}", name, e);
        }
    }

    @Override
    public void close() {
        for (ObjectName name : Set.copyOf(registered)) {
            unregister(name.toString());
        }
    }
}
