package io.karst.api.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The three places a component's defaults show: its metatype ({@code @ObjectClassDefinition}), its config
 * class (which reads an empty map as the defaults) and the repository's {@code config/<pid>.cfg}, which the
 * distribution ships as {@code etc/<pid>.cfg}. Tests of each component tie the three together with these.
 */
public final class ComponentDefaults {

    /** A key left unset in a .cfg file but documented there: {@code #log.retention.ms =}. */
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#\\s*([a-z][a-z0-9._]*)\\s*=.*$");

    private ComponentDefaults() {
    }

    /** Each attribute's default under its Kafka key ({@code log_dirs()} is {@code log.dirs}), as Config Admin sees it. */
    public static Map<String, Object> declaredBy(Class<? extends Annotation> objectClassDefinition) {
        Map<String, Object> defaults = new HashMap<>();
        for (Method attribute : objectClassDefinition.getDeclaredMethods()) {
            defaults.put(attribute.getName().replace('_', '.'), attribute.getDefaultValue());
        }
        return defaults;
    }

    /** The keys {@code config/<pid>.cfg} sets, with their values as written (placeholders not expanded). */
    public static Map<String, String> setIn(String pid) {
        Properties cfg = new Properties();
        try (Reader in = Files.newBufferedReader(cfgFile(pid))) {
            cfg.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cfg.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, cfg::getProperty));
    }

    /** The keys {@code config/<pid>.cfg} sets or shows commented out. */
    public static Set<String> documentedIn(String pid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cfgFile(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new HashSet<>(setIn(pid).keySet());
        for (String line : lines) {
            Matcher commented = COMMENTED_KEY.matcher(line.trim());
            if (commented.matches()) {
                keys.add(commented.group(1));
            }
        }
        return keys;
    }

    /** {@code config/<pid>.cfg} of the repository the test runs in, found from the module's directory upwards. */
    private static Path cfgFile(String pid) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path cfg = dir.resolve("config").resolve(pid + ".cfg");
            if (Files.isRegularFile(cfg)) {
                return cfg;
            }
        }
        throw new IllegalStateException("no config/" + pid + ".cfg above " + Path.of("").toAbsolutePath());
    }
}
