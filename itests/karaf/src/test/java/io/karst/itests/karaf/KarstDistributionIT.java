package io.karst.itests.karaf;

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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Boots the built Karst distribution once (Pax Exam, one container for the class) and checks what an operator
 * relies on: every Karst bundle active, every Karst component satisfied, and {@code karst:status} describing
 * the running broker. Its data lives in the exam's runtime folder under target/exam ({@code ${karaf.data}/karst}).
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

    @Inject
    private BundleContext bundleContext;

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        return KarstContainer.options();
    }

    @Test
    public void everyKarstBundleIsActive() throws Exception {
        KarstContainer.eventually(() -> {
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
        KarstContainer.eventually(() -> {
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
        String listener = "PLAINTEXT://127.0.0.1:" + System.getProperty(KarstContainer.KAFKA_PORT_PROPERTY);
        KarstContainer.eventually(() -> {
            String status = KarstContainer.execute(sessionFactory, "karst:status");
            assertMatches(status, "Broker id:\\s+1\\s*$");
            assertMatches(status, "Coordinator:\\s+local\\s*$");
            assertMatches(status, "Listener:\\s+" + Pattern.quote(listener) + "\\b");
        });
    }

    @Test
    public void withoutAGivenDataFolderTheDataLivesUnderKarafData() throws Exception {
        // bin/karaf started by hand: etc/system.properties names ${karaf.data}/karst
        Path data = Path.of(System.getProperty("karst.data"));
        assertEquals(Path.of(System.getProperty("karaf.data"), "karst"), data);
        KarstContainer.eventually(() -> assertTrue("no cluster metadata in " + data,
                Files.isRegularFile(data.resolve("metadata/cluster.properties"))));
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

    private static void assertMatches(String output, String regex) {
        assertTrue("expected a line matching /" + regex + "/ in:\n" + output,
                Pattern.compile(regex, Pattern.MULTILINE).matcher(output).find());
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
}
