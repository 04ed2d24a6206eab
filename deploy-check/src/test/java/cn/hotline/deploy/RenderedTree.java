package cn.hotline.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** One overlay of deploy/k8s rendered by {@code kubectl kustomize} and parsed into Kubernetes objects. */
final class RenderedTree {

    /** fabric8's model for Kubernetes' own kinds, Strimzi's for Kafka's; other custom kinds stay generic. */
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        // The tree is written against v1beta2, which every Strimzi since 0.22 serves; the model also answers to v1.
        for (String version : List.of("kafka.strimzi.io/v1beta2", "kafka.strimzi.io/v1")) {
            SERIALIZATION.registerKubernetesResource(version, "Kafka", Kafka.class);
            SERIALIZATION.registerKubernetesResource(version, "KafkaNodePool", KafkaNodePool.class);
            SERIALIZATION.registerKubernetesResource(version, "KafkaTopic", KafkaTopic.class);
        }
    }

    static final Path ROOT = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();

    final String overlay;
    final List<HasMetadata> objects;

    private RenderedTree(String overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** The overlays a deployment can choose from: every directory under deploy/k8s/overlays. */
    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("deploy/k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    static RenderedTree render(String overlay) throws IOException, InterruptedException {
        ensureKubectl();
        Process process = new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays").resolve(overlay).toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize deploy/k8s/overlays/" + overlay + " failed: " + err);
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : new String(out, StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return new RenderedTree(overlay, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> kind(String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** A custom resource fabric8 has no model for, as the plain map of its {@code spec}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(HasMetadata resource) {
        return (Map<String, Object>) SERIALIZATION.convertValue(resource, Map.class).get("spec");
    }

    /** kubectl (its kustomize) is the project's renderer; deploy/k8s/kubectl.sh installs Debian's package when missing. */
    private static synchronized void ensureKubectl() throws IOException, InterruptedException {
        if (onPath("kubectl")) {
            return;
        }
        Process install = new ProcessBuilder("bash", ROOT.resolve("deploy/k8s/kubectl.sh").toString()).inheritIO().start();
        install.waitFor(10, TimeUnit.MINUTES);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
