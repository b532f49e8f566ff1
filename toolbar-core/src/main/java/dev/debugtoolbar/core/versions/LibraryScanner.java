package dev.debugtoolbar.core.versions;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the jars a class loader sees, with their names and versions: from every
 * {@code META-INF/maven/<group>/<artifact>/pom.properties} inside a jar (a shaded jar has many), else from its
 * manifest ({@code Implementation-Title/Version}, {@code Bundle-SymbolicName/Version}), else from its file name.
 */
final class LibraryScanner {

    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
    private static final Pattern VERSIONED_FILE = Pattern.compile("(.+?)-(\\d[^/]*)\\.jar");

    private LibraryScanner() {
    }

    static List<Library> scan(ClassLoader loader) throws IOException {
        Map<String, Library> byName = new LinkedHashMap<>();
        Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
        for (URL manifest : Collections.list(manifests)) {
            if (!"jar".equals(manifest.getProtocol())) {
                continue;
            }
            for (Library library : librariesIn(manifest)) {
                byName.putIfAbsent(library.name() + " " + library.version(), library);
            }
        }
        List<Library> libraries = new ArrayList<>(byName.values());
        libraries.sort(Comparator.comparing(Library::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(library -> String.valueOf(library.version())));
        return libraries;
    }

    private static List<Library> librariesIn(URL manifestUrl) {
        try {
            URLConnection connection = manifestUrl.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                return List.of();
            }
            jarConnection.setUseCaches(false);
            try (JarFile jar = jarConnection.getJarFile()) {
                String file = fileName(jar.getName());
                List<Library> found = new ArrayList<>();
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (POM_PROPERTIES.matcher(entry.getName()).matches()) {
                        Library library = fromPomProperties(jar, entry, file);
                        if (library != null) {
                            found.add(library);
                        }
                    }
                }
                if (found.isEmpty()) {
                    found.add(fromManifest(jar.getManifest(), file));
                }
                return found;
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static Library fromPomProperties(JarFile jar, JarEntry entry, String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            properties.load(in);
        }
        String group = properties.getProperty("groupId");
        String artifact = properties.getProperty("artifactId");
        if (group == null || artifact == null) {
            return null;
        }
        return new Library(group + ":" + artifact, properties.getProperty("version"), file);
    }

    private static Library fromManifest(Manifest manifest, String file) {
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        Matcher versioned = VERSIONED_FILE.matcher(file);
        String name = first(main.getValue("Implementation-Title"), symbolicName(main),
                main.getValue("Automatic-Module-Name"), versioned.matches() ? versioned.group(1) : file);
        String version = first(main.getValue("Implementation-Version"), main.getValue("Bundle-Version"),
                versioned.matches() ? versioned.group(2) : null);
        return new Library(name, version, file);
    }

    private static String symbolicName(Attributes main) {
        String value = main.getValue("Bundle-SymbolicName");
        return value == null ? null : value.split(";", 2)[0].trim();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static String fileName(String path) {
        String normal = path.replace('\\', '/');
        return normal.substring(normal.lastIndexOf('/') + 1);
    }
}
