package io.karst.api.codec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The version of the library a class comes from, read from the manifest of that class's own jar or
 * bundle. The manifest is found next to the class file ({@code jar:...!/} on a class path,
 * {@code bundle://...} in an OSGi framework), so this works inside and outside a container and
 * reports the library that is actually loaded, even after a bundle update.
 */
public final class LibraryVersion {
    private static final String UNKNOWN = "unknown";

    private LibraryVersion() {
    }

    /** {@code Bundle-Version}, else {@code Implementation-Version}, else "unknown". */
    public static String of(Class<?> libraryClass) {
        String classFile = libraryClass.getName().replace('.', '/') + ".class";
        URL classUrl = libraryClass.getResource('/' + classFile);
        if (classUrl == null) {
            return UNKNOWN;
        }
        String url = classUrl.toString();
        if (!url.endsWith(classFile)) {
            return UNKNOWN;
        }
        try (InputStream in = new URL(url.substring(0, url.length() - classFile.length())
                + "META-INF/MANIFEST.MF").openStream()) {
            Attributes main = new Manifest(in).getMainAttributes();
            String version = main.getValue("Bundle-Version");
            if (version == null) {
                version = main.getValue("Implementation-Version");
            }
            return version == null ? UNKNOWN : version;
        } catch (IOException e) {
            // the version is for display only: an unreadable manifest makes it unknown, not an error
            return UNKNOWN;
        }
    }
}
