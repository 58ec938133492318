package io.karst.itests.karaf;

import io.karst.api.broker.TopicAdmin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

/**
 * The distribution started as {@code ./karst run} starts it, with {@code -Dkarst.data} naming a folder outside
 * the assembly: the shipped etc/io.karst.*.cfg put the partition logs and the cluster metadata there, and
 * nothing under the assembly's own data folder, so a rebuild that replaces the assembly keeps the topics.
 * ({@link KarstScriptIT} shows that {@code ./karst run} passes data/ at the repository root.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DataFolderIT {

    @Inject
    private TopicAdmin topics;

    @Configuration
    public Option[] config() throws IOException {
        // a fresh folder beside target/exam, where Pax Exam unpacks the assembly
        Path folder = Files.createTempDirectory(Path.of("target"), "karst-data-").toAbsolutePath();
        return KarstContainer.options(systemProperty("karst.data").value(folder.toString()));
    }

    @Test
    public void topicsAndMetadataLiveInTheGivenDataFolder() throws Exception {
        Path data = Path.of(System.getProperty("karst.data"));
        assertFalse("the data folder is inside the assembly: " + data,
                data.startsWith(Path.of(System.getProperty("karaf.home")).toAbsolutePath()));

        topics.createTopic("kept-across-rebuilds", 1, (short) 1, Map.of());

        KarstContainer.eventually(() -> {
            assertTrue("no partition log in " + data, Files.isDirectory(data.resolve("logs/kept-across-rebuilds-0")));
            assertTrue("no cluster metadata in " + data, Files.isRegularFile(data.resolve("metadata/cluster.properties")));
        });
        Path assemblyData = Path.of(System.getProperty("karaf.data"), "karst");
        assertFalse("Karst data inside the assembly: " + assemblyData, Files.exists(assemblyData));
    }
}
