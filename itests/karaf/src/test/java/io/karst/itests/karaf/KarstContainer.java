package io.karst.itests.karaf;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.security.auth.Subject;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

/**
 * The built Karst distribution as a Pax Exam container, shared by the Karaf tests: free ports for SSH, JMX
 * and Kafka (the Kafka port passed in as a system property), Pax Exam's bundles from the
 * build's Maven repository, and helpers to run console commands and wait for what starts asynchronously.
 */
final class KarstContainer {
    /** The Kafka port the container listens on, as a system property inside it. */
    static final String KAFKA_PORT_PROPERTY = "karst.itest.kafka.port";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private KarstContainer() {
    }

    /** The container's options plus {@code extra} (e.g. broker settings). */
    static Option[] options(Option... extra) throws IOException {
        String kafkaPort = freePort();
        Option[] base = {
                karafDistributionConfiguration()
                        .frameworkUrl(new File(requiredProperty("karst.dist")).toURI().toString())
                        .karafVersion(requiredProperty("karaf.version"))
                        .name("Karst")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                javaModuleOptions(requiredProperty("karaf.version")),
                // free ports, so the test runs next to a running Karst or another build
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/io.karst.transport.netty.cfg", "listeners",
                        "PLAINTEXT://127.0.0.1:" + kafkaPort),
                systemProperty(KAFKA_PORT_PROPERTY).value(kafkaPort),
                // Pax Exam's own bundles come from the build's Maven repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        requiredProperty("maven.repo.local")),
                when(Boolean.getBoolean("karst.itest.keepRuntime")).useOptions(keepRuntimeFolder()),
        };
        return Stream.concat(Arrays.stream(base), Arrays.stream(extra)).toArray(Option[]::new);
    }

    /**
     * The JVM flags bin/karaf passes on Java 9+ (Pax Exam starts java itself): Karaf's spec locator patched into
     * java.base and java.xml, the boot class path, and the packages Karaf opens reflectively.
     */
    private static Option javaModuleOptions(String karafVersion) {
        String[] flags = {
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*",
        };
        return composite(Arrays.stream(flags).map(CoreOptions::vmOption).toArray(Option[]::new));
    }

    /** Runs one console command in a fresh session, as a user typing it would, and returns what it printed. */
    static String execute(SessionFactory sessionFactory, String command) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            session.execute(command);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs a console command as the {@code karaf} user with the {@code admin} role, for commands that Karaf's
     * command ACLs keep from a session without one (e.g. {@code feature:install}, {@code feature:uninstall}).
     */
    static String executeAsAdmin(SessionFactory sessionFactory, String command) throws Exception {
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("karaf"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        try {
            return Subject.doAs(admin, (PrivilegedExceptionAction<String>) () -> execute(sessionFactory, command));
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /**
     * Retries a check until it passes or the ready timeout runs out, then rethrows its last failure:
     * components activate and commands register asynchronously after the container reports ready.
     */
    static void eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError failure) {
                if (System.nanoTime() > deadline) {
                    throw failure;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The build (failsafe) passes the archive's path, Karaf's version and the Maven repository. */
    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run this test with mvn verify");
        }
        return value;
    }

    static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }

    /** A check that passes or throws. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }
}
