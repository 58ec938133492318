package io.karst.itests.karaf;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import javax.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

/**
 * Boots the built Karst distribution once (Pax Exam, one container for the class) and checks what an operator
 * relies on: every Karst bundle active, every Karst component satisfied, and {@code karst:status} describing
 * the running broker. Its data lives in the exam's runtime folder under target/exam ({@code ${karaf.data}}).
 * Set {@code -Dkarst.itest.keepRuntime=true} to keep that folder for a look at data/log/karaf.log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarstDistributionIT {

    private static final Set<String> KARST_BUNDLES = Set.of(
            "io.karst.api", "io.karst.protocol", "io.karst.storage", "io.karst.coordination-local",
            "io.karst.broker", "io.karst.transport-netty", "io.karst.shell");

    /** Bundles that must bring Declarative Services components. */
    private static final Set<String> BUNDLES_WITH_COMPONENTS = Set.of(
            "io.karst.storage", "io.karst.coordination-local", "io.karst.broker", "io.karst.transport-netty");

    /** The Kafka port the test configured, handed to the container as a system property. */
    private static final String KAFKA_PORT_PROPERTY = "karst.itest.kafka.port";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    private BundleContext bundleContext;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        String kafkaPort = freePort();
        return options(
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
                when(Boolean.getBoolean("karst.itest.keepRuntime")).useOptions(keepRuntimeFolder()));
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

    @Test
    public void everyKarstBundleIsActive() throws Exception {
        eventually(() -> {
            Map<String, Bundle> karst = karstBundles();
            Set<String> missing = new TreeSet<>(KARST_BUNDLES);
            missing.removeAll(karst.keySet());
            assertTrue("Karst bundles missing: " + missing + "; installed: " + karst.keySet(), missing.isEmpty());

            List<String> inactive = karst.values().stream()
                    .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                    .map(bundle -> bundle.getSymbolicName() + " is " + bundleState(bundle.getState()))
                    .collect(Collectors.toList());
            assertTrue("Karst bundles not ACTIVE: " + inactive, inactive.isEmpty());
        });
    }

    @Test
    public void everyKarstComponentIsSatisfied() throws Exception {
        eventually(() -> {
            Bundle[] karst = karstBundles().values().toArray(new Bundle[0]);
            Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs(karst);

            Set<String> withoutComponents = new TreeSet<>(BUNDLES_WITH_COMPONENTS);
            descriptions.forEach(description -> withoutComponents.remove(description.bundle.symbolicName));
            assertTrue("bundles without any DS component: " + withoutComponents, withoutComponents.isEmpty());

            List<String> problems = new ArrayList<>();
            for (ComponentDescriptionDTO description : descriptions) {
                problems.addAll(componentProblems(description));
            }
            assertTrue("Karst components not satisfied:\n  " + String.join("\n  ", problems), problems.isEmpty());
        });
    }

    @Test
    public void statusCommandDescribesTheRunningBroker() throws Exception {
        String listener = "PLAINTEXT://127.0.0.1:" + System.getProperty(KAFKA_PORT_PROPERTY);
        eventually(() -> {
            String status = execute("karst:status");
            assertMatches(status, "Broker id:\\s+1\\s*$");
            assertMatches(status, "Coordinator:\\s+local\\s*$");
            assertMatches(status, "Listener:\\s+" + Pattern.quote(listener) + "\\b");
        });
    }

    private Map<String, Bundle> karstBundles() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("io.karst."))
                .collect(Collectors.toMap(Bundle::getSymbolicName, bundle -> bundle, (a, b) -> a, TreeMap::new));
    }

    private List<String> componentProblems(ComponentDescriptionDTO description) {
        String component = description.name + " (" + description.bundle.symbolicName + ")";
        if (!scr.isComponentEnabled(description)) {
            return List.of(component + " is disabled");
        }
        Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
            return List.of(component + " has no configuration (policy " + description.configurationPolicy
                    + ", PIDs " + Arrays.toString(description.configurationPid) + ")");
        }
        List<String> problems = new ArrayList<>();
        for (ComponentConfigurationDTO configuration : configurations) {
            if (configuration.state != ComponentConfigurationDTO.SATISFIED
                    && configuration.state != ComponentConfigurationDTO.ACTIVE) {
                String unsatisfied = Arrays.stream(configuration.unsatisfiedReferences)
                        .map(KarstDistributionIT::describe)
                        .collect(Collectors.joining(", "));
                problems.add(component + " is " + componentState(configuration.state)
                        + (unsatisfied.isEmpty() ? "" : "; unsatisfied references: " + unsatisfied));
            }
        }
        return problems;
    }

    private static String describe(UnsatisfiedReferenceDTO reference) {
        return reference.name + (reference.target == null ? "" : " (target " + reference.target + ")");
    }

    /** Runs one console command in a fresh session, as a user typing it would, and returns what it printed. */
    private String execute(String command) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
            session.execute(command);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void assertMatches(String output, String regex) {
        assertTrue("expected a line matching /" + regex + "/ in:\n" + output,
                Pattern.compile(regex, Pattern.MULTILINE).matcher(output).find());
    }

    /**
     * Retries a check until it passes or {@link #READY_TIMEOUT} runs out, then rethrows its last failure:
     * components activate and commands register asynchronously after the container reports ready.
     */
    private static void eventually(Check check) throws Exception {
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

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }

    private static String bundleState(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    private static String componentState(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "in state " + state;
        };
    }

    /** A check that passes or throws. */
    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }
}
