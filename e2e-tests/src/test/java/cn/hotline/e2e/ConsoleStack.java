package cn.hotline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/** Where the console's browser tests find what they need beside the services: a JDK 21+ for Keycloak, and Keycloak. */
final class ConsoleStack {

    private ConsoleStack() {
    }

    /** local-stack's unpacked Keycloak distribution (the build unpacks it). */
    static Path keycloakHome(Path root) throws IOException {
        try (var list = Files.list(root.resolve("local-stack/target"))) {
            return list.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked in local-stack/target:"
                            + " run ./mvnw -DskipTests package -pl local-stack"));
        }
    }

    /** A JDK of version 21 or newer: HOTLINE_KEYCLOAK_JAVA_HOME, JAVA_HOME, this JVM, or one under /usr/lib/jvm. */
    static Path java21Home() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String env : List.of("HOTLINE_KEYCLOAK_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(env);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var list = Files.list(jvms)) {
                list.sorted(Comparator.reverseOrder()).forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            if (Files.isExecutable(home.resolve("bin/java")) && major(home) >= 21) {
                return home;
            }
        }
        throw new IllegalStateException("Keycloak needs a JDK 21 or newer and none was found: install one"
                + " (apt-get install openjdk-21-jdk-headless) or set HOTLINE_KEYCLOAK_JAVA_HOME");
    }

    private static int major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isReadable(release)) {
            return 0;
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("JAVA_VERSION", "0").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
