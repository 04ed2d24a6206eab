package cn.hotline.deploy;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.common.UnknownPropertyPreserving;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** The rules a rendered deploy/k8s tree must keep; each check answers the list of what breaks it (empty: holds). */
final class Invariants {

    /** The topics of the contract (docs/architecture.md). */
    static final Set<String> TOPICS = Set.of("hotline.tickets", "hotline.alerts", "hotline.dispatches", "hotline.sla", "hotline.notifications");
    /** What may be reached from outside the cluster: the console, and on intake Open311 and the citizen's lookup. */
    static final Set<String> PUBLIC_ROUTES = Set.of("web-console /", "intake-service /open311/", "intake-service /api/v1/progress/");
    /** Pods that may accept connections from outside the namespace (the two above, and Keycloak's sign-in pages). */
    static final Set<String> PUBLIC_PODS = Set.of("web-console", "intake-service", "keycloak");

    private final RenderedTree tree;

    Invariants(RenderedTree tree) {
        this.tree = tree;
    }

    /** Every container of every workload has readiness and liveness probes, CPU and memory requests and a memory limit. */
    List<String> probesAndResources() {
        List<String> problems = new ArrayList<>();
        workloads().forEach((name, template) -> {
            for (Container c : template.getSpec().getContainers()) {
                String where = name + "/" + c.getName();
                if (c.getReadinessProbe() == null) problems.add(where + ": no readiness probe");
                if (c.getLivenessProbe() == null) problems.add(where + ": no liveness probe");
                var res = c.getResources();
                if (res == null || res.getRequests() == null || !res.getRequests().containsKey("cpu") || !res.getRequests().containsKey("memory")) {
                    problems.add(where + ": no cpu and memory requests");
                }
                if (res == null || res.getLimits() == null || !res.getLimits().containsKey("memory")) {
                    problems.add(where + ": no memory limit");
                }
            }
        });
        for (HasMetadata operated : Stream.of(tree.kind("KafkaNodePool"), tree.kind("Cluster"), tree.kind("Keycloak")).flatMap(List::stream).toList()) {
            if (RenderedTree.spec(operated).get("resources") == null) {
                problems.add(operated.getKind() + " " + operated.getMetadata().getName() + ": no resources");
            }
        }
        return problems;
    }

    /** Every ConfigMap or Secret a workload or an operator's resource names, with the keys it names, is in the tree. */
    List<String> references() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        tree.all(ConfigMap.class).forEach(cm -> configMaps.put(cm.getMetadata().getName(), keys(cm.getData())));
        Map<String, Set<String>> secrets = new HashMap<>();
        tree.all(Secret.class).forEach(s -> {
            Set<String> keys = new HashSet<>(keys(s.getData()));
            keys.addAll(keys(s.getStringData()));
            secrets.put(s.getMetadata().getName(), keys);
        });
        for (HasMetadata certificate : tree.kind("Certificate")) {
            secrets.put((String) RenderedTree.spec(certificate).get("secretName"), Set.of("tls.crt", "tls.key"));
        }
        List<String> problems = new ArrayList<>();
        workloads().forEach((name, template) -> {
            for (Container c : template.getSpec().getContainers()) {
                for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    var from = env.getValueFrom();
                    if (from != null && from.getSecretKeyRef() != null) {
                        need(problems, name, "Secret", secrets, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
                    }
                    if (from != null && from.getConfigMapKeyRef() != null) {
                        need(problems, name, "ConfigMap", configMaps, from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey());
                    }
                }
                for (EnvFromSource source : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (source.getConfigMapRef() != null) need(problems, name, "ConfigMap", configMaps, source.getConfigMapRef().getName(), null);
                    if (source.getSecretRef() != null) need(problems, name, "Secret", secrets, source.getSecretRef().getName(), null);
                }
            }
            for (Volume v : Optional.ofNullable(template.getSpec().getVolumes()).orElse(List.of())) {
                if (v.getSecret() != null) {
                    need(problems, name, "Secret", secrets, v.getSecret().getSecretName(), null);
                    Optional.ofNullable(v.getSecret().getItems()).orElse(List.of())
                            .forEach(item -> need(problems, name, "Secret", secrets, v.getSecret().getSecretName(), item.getKey()));
                }
                if (v.getConfigMap() != null) need(problems, name, "ConfigMap", configMaps, v.getConfigMap().getName(), null);
            }
        });
        for (HasMetadata cluster : tree.kind("Cluster")) {
            for (Map<String, Object> role : list(path(RenderedTree.spec(cluster), "managed", "roles"))) {
                String secret = (String) path(role, "passwordSecret", "name");
                need(problems, "Cluster role " + role.get("name"), "Secret", secrets, secret, "username");
                need(problems, "Cluster role " + role.get("name"), "Secret", secrets, secret, "password");
            }
        }
        for (HasMetadata keycloak : tree.kind("Keycloak")) {
            Map<String, Object> spec = RenderedTree.spec(keycloak);
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                need(problems, "Keycloak db", "Secret", secrets, (String) path(spec, "db", field, "name"), (String) path(spec, "db", field, "key"));
            }
            Object tls = path(spec, "http", "tlsSecret");
            if (tls != null) need(problems, "Keycloak http", "Secret", secrets, (String) tls, "tls.crt");
        }
        for (Ingress ingress : tree.all(Ingress.class)) {
            Set<String> covered = new HashSet<>();
            Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).forEach(tls -> {
                covered.addAll(tls.getHosts());
                need(problems, "Ingress " + ingress.getMetadata().getName(), "Secret", secrets, tls.getSecretName(), "tls.crt");
            });
            ingress.getSpec().getRules().stream().map(r -> r.getHost()).filter(h -> !covered.contains(h))
                    .forEach(h -> problems.add("Ingress " + ingress.getMetadata().getName() + " serves " + h + " without TLS"));
        }
        for (HasMetadata keycloak : tree.kind("Keycloak")) {
            Object tls = path(RenderedTree.spec(keycloak), "ingress", "tlsSecret");
            if (tls == null) problems.add("Keycloak " + keycloak.getMetadata().getName() + ": its Ingress has no TLS secret");
            else need(problems, "Keycloak ingress", "Secret", secrets, (String) tls, "tls.crt");
        }
        for (HasMetadata realmImport : tree.kind("KeycloakRealmImport")) {
            Map<String, Object> placeholders = map(RenderedTree.spec(realmImport).get("placeholders"));
            placeholders.forEach((placeholder, ref) -> need(problems, "realm placeholder " + placeholder, "Secret", secrets,
                    (String) path(map(ref), "secret", "name"), (String) path(map(ref), "secret", "key")));
        }
        return problems;
    }

    /** The five topics exist, replicated three times with two in sync, on a Kafka of three KRaft voters that agrees. */
    List<String> topics() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (KafkaTopic topic : tree.all(KafkaTopic.class)) {
            String name = Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
            names.add(name);
            if (!Objects.equals(topic.getSpec().getReplicas(), 3)) problems.add(name + ": replicas " + topic.getSpec().getReplicas() + ", want 3");
            Object isr = Optional.ofNullable(topic.getSpec().getConfig()).orElse(Map.of()).get("min.insync.replicas");
            if (isr == null || !isr.toString().equals("2")) problems.add(name + ": min.insync.replicas " + isr + ", want 2");
        }
        if (tree.all(Kafka.class).size() != 1) problems.add(tree.all(Kafka.class).size() + " Kafka clusters, want 1");
        if (!names.equals(TOPICS)) problems.add("topics " + names + ", want exactly " + new TreeSet<>(TOPICS));
        for (Kafka kafka : tree.all(Kafka.class)) {
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            Map<String, String> want = Map.of("default.replication.factor", "3", "min.insync.replicas", "2",
                    "offsets.topic.replication.factor", "3", "transaction.state.log.replication.factor", "3", "transaction.state.log.min.isr", "2");
            want.forEach((key, value) -> {
                if (config == null || config.get(key) == null || !config.get(key).toString().equals(value)) {
                    problems.add("Kafka " + kafka.getMetadata().getName() + ": " + key + " should be " + value);
                }
            });
        }
        int controllers = 0, brokers = 0;
        for (KafkaNodePool pool : tree.all(KafkaNodePool.class)) {
            if (pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)) controllers += pool.getSpec().getReplicas();
            if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) brokers += pool.getSpec().getReplicas();
        }
        if (brokers < 3) problems.add(brokers + " brokers: replication 3 needs at least 3");
        if (controllers < 3 || controllers % 2 == 0) problems.add(controllers + " controllers: a KRaft quorum wants an odd number of at least 3");
        return problems;
    }

    /** Strimzi's model knows every field the Kafka resources use: a misspelt or misplaced field is reported, not ignored. */
    List<String> strimziFieldsKnown() {
        List<String> problems = new ArrayList<>();
        for (HasMetadata resource : Stream.of(tree.all(Kafka.class), tree.all(KafkaNodePool.class), tree.all(KafkaTopic.class)).flatMap(List::stream).toList()) {
            unknownFields(resource.getKind() + " " + resource.getMetadata().getName(), resource, problems, new HashSet<>());
        }
        return problems;
    }

    private static void unknownFields(String where, Object node, List<String> problems, Set<Object> seen) {
        if (node == null || !seen.add(node)) return;
        if (node instanceof Iterable<?> items) {
            items.forEach(item -> unknownFields(where, item, problems, seen));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.strimzi")) return;
        if (node instanceof UnknownPropertyPreserving preserving && !isEmpty(preserving.getAdditionalProperties())) {
            problems.add(where + ": " + node.getClass().getSimpleName() + " has fields Strimzi does not know: " + preserving.getAdditionalProperties().keySet());
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && getter.getName().startsWith("get") && !getter.getName().equals("getAdditionalProperties")
                    && getter.getDeclaringClass() != Object.class) {
                try {
                    unknownFields(where, getter.invoke(node), problems, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a computed getter that cannot answer here carries no field of the resource
                }
            }
        }
    }

    /**
     * A service's consumers share one group, so a topic needs at least as many partitions as the most replicas any
     * consuming service may run (its HorizontalPodAutoscaler's maximum); the topics a service's code names exist.
     */
    List<String> partitionsForConsumers() throws IOException {
        Map<String, Integer> partitions = new HashMap<>();
        tree.all(KafkaTopic.class).forEach(t -> partitions.put(
                Optional.ofNullable(t.getSpec().getTopicName()).orElse(t.getMetadata().getName()), t.getSpec().getPartitions()));
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : tree.all(Deployment.class)) {
            String app = deployment.getMetadata().getName();
            Properties properties = applicationProperties(app);
            boolean groupPerPod = "${hotline.live.group}".equals(properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id"));
            if (groupPerPod && !env(deployment, "HOTLINE_LIVE_GROUP").map(e -> e.getValueFrom() != null
                    && e.getValueFrom().getFieldRef() != null && "metadata.name".equals(e.getValueFrom().getFieldRef().getFieldPath())).orElse(false)) {
                problems.add(app + ": consumes with a group per pod, but HOTLINE_LIVE_GROUP is not the pod's name");
            }
            boolean scaled = tree.all(HorizontalPodAutoscaler.class).stream().anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(app));
            if (!scaled && deployment.getSpec().getReplicas() == null) {
                problems.add(app + ": neither replicas nor an autoscaler, so how many consumers it runs is unknown");
            }
            int most = Math.max(Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1),
                    tree.all(HorizontalPodAutoscaler.class).stream().filter(h -> h.getSpec().getScaleTargetRef().getName().equals(app))
                            .mapToInt(h -> h.getSpec().getMaxReplicas()).max().orElse(0));
            for (String key : properties.stringPropertyNames()) {
                if (!key.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic")) continue;
                String topic = properties.getProperty(key);
                Integer count = partitions.get(topic);
                if (count == null) {
                    problems.add(app + " uses topic " + topic + ", which is not declared");
                } else if (key.contains(".incoming.") && !groupPerPod && count < most) {
                    problems.add(topic + ": " + count + " partitions, but " + app + " may run " + most + " consumers in one group");
                }
            }
        }
        for (HorizontalPodAutoscaler hpa : tree.all(HorizontalPodAutoscaler.class)) {
            if (tree.named(Deployment.class, hpa.getSpec().getScaleTargetRef().getName()).isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " scales " + hpa.getSpec().getScaleTargetRef().getName()
                        + ", which is not a Deployment of the tree");
            }
        }
        return problems;
    }

    /** Each service with a datasource has its own database, owned by the role its Secret names, and only that role gets in. */
    List<String> databases() {
        List<String> problems = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        tree.kind("Database").forEach(d -> owners.put((String) RenderedTree.spec(d).get("name"), (String) RenderedTree.spec(d).get("owner")));
        Set<String> roles = new HashSet<>();
        List<String> hba = new ArrayList<>();
        tree.kind("Cluster").forEach(c -> {
            list(path(RenderedTree.spec(c), "managed", "roles")).forEach(r -> roles.add((String) r.get("name")));
            hba.addAll(strings(path(RenderedTree.spec(c), "postgresql", "pg_hba")));
        });
        Map<String, String> usedBy = new HashMap<>();
        for (Deployment deployment : tree.all(Deployment.class)) {
            String app = deployment.getMetadata().getName();
            boolean hasDatasource = applicationPropertiesOrEmpty(app).stringPropertyNames().stream().anyMatch(k -> k.startsWith("quarkus.datasource."));
            Optional<EnvVar> jdbc = env(deployment, "QUARKUS_DATASOURCE_JDBC_URL");
            if (!hasDatasource) continue;
            if (jdbc.isEmpty()) {
                problems.add(app + ": has a datasource but no QUARKUS_DATASOURCE_JDBC_URL");
                continue;
            }
            String database = jdbc.get().getValue().replaceAll(".*/", "").replaceAll("\\?.*", "");
            String reactive = env(deployment, "QUARKUS_DATASOURCE_REACTIVE_URL").map(EnvVar::getValue).orElse("");
            if (!reactive.endsWith("/" + database)) problems.add(app + ": reactive URL " + reactive + " is not database " + database);
            String previous = usedBy.put(database, app);
            if (previous != null) problems.add(database + " is shared by " + previous + " and " + app);
            String user = env(deployment, "QUARKUS_DATASOURCE_USERNAME").map(e -> secretValue(e)).orElse(null);
            if (user == null) {
                problems.add(app + ": no QUARKUS_DATASOURCE_USERNAME from a Secret");
                continue;
            }
            if (!user.equals(owners.get(database))) problems.add(app + ": database " + database + " is not declared with owner " + user + " (found " + owners.get(database) + ")");
            if (!roles.contains(user)) problems.add(app + ": role " + user + " is not a managed role of the cluster");
            if (!hba.contains("host " + database + " " + user + " all scram-sha-256")) problems.add(app + ": pg_hba does not let " + user + " into " + database);
            if (hba.stream().noneMatch(line -> line.startsWith("host all ") && line.endsWith(" reject") && List.of(line.split("[ ,]")).contains(user))) {
                problems.add(app + ": pg_hba does not keep " + user + " out of the other databases");
            }
        }
        return problems;
    }

    /** No Service is published on nodes or a load balancer; the Ingress and the NetworkPolicies open only the public routes. */
    List<String> exposure() {
        List<String> problems = new ArrayList<>();
        for (Service service : tree.all(Service.class)) {
            String type = Optional.ofNullable(service.getSpec().getType()).orElse("ClusterIP");
            if (!type.equals("ClusterIP")) problems.add("Service " + service.getMetadata().getName() + " is " + type);
        }
        Set<String> routes = new TreeSet<>();
        for (Ingress ingress : tree.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(
                    p -> routes.add(p.getBackend().getService().getName() + " " + p.getPath())));
        }
        if (!routes.equals(PUBLIC_ROUTES)) problems.add("public routes " + routes + ", want exactly " + new TreeSet<>(PUBLIC_ROUTES));
        boolean defaultDeny = tree.all(NetworkPolicy.class).stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                && isEmpty(p.getSpec().getPodSelector().getMatchExpressions()) && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        if (!defaultDeny) problems.add("no NetworkPolicy denies ingress to every pod by default");
        for (HasMetadata keycloak : tree.kind("Keycloak")) {
            // The operator's own policy opens HTTP(S) to every namespace; policies add up, so it must be off for ours to hold.
            if (!Boolean.FALSE.equals(path(RenderedTree.spec(keycloak), "networkPolicy", "enabled"))) {
                problems.add("Keycloak " + keycloak.getMetadata().getName() + ": the operator's NetworkPolicy (open to every namespace) is on");
            }
        }
        for (NetworkPolicy policy : tree.all(NetworkPolicy.class)) {
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    problems.add("NetworkPolicy " + policy.getMetadata().getName() + " admits every source");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    boolean outside = peer.getIpBlock() != null || isIngressController(peer);
                    Map<String, String> selects = Optional.ofNullable(policy.getSpec().getPodSelector().getMatchLabels()).orElse(Map.of());
                    String pod = selects.getOrDefault("app.kubernetes.io/name", selects.getOrDefault("app", "(all pods)"));
                    if (outside && !PUBLIC_PODS.contains(pod)) {
                        problems.add("NetworkPolicy " + policy.getMetadata().getName() + " opens " + pod + " to outside the namespace");
                    }
                }
            }
        }
        return problems;
    }

    /** Labels only the operators put on their pods (not in this tree), so selectors on them cannot be checked here. */
    static final Set<String> OPERATOR_LABELS = Set.of("cnpg.io/cluster", "strimzi.io/cluster", "app", "app.kubernetes.io/instance",
            "app.kubernetes.io/managed-by");

    /**
     * Every NetworkPolicy selector on this tree's pods matches at least one pod template, and every pod that an
     * egress policy isolates may still resolve names (DNS on port 53).
     */
    List<String> networkPoliciesMatchPods() {
        List<Map<String, String>> pods = new ArrayList<>();
        workloads().values().forEach(t -> pods.add(Optional.ofNullable(t.getMetadata().getLabels()).orElse(Map.of())));
        List<String> problems = new ArrayList<>();
        for (NetworkPolicy policy : tree.all(NetworkPolicy.class)) {
            String name = policy.getMetadata().getName();
            List<Map<String, String>> selectors = new ArrayList<>();
            selectors.add(policy.getSpec().getPodSelector().getMatchLabels());
            Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).forEach(r -> Optional.ofNullable(r.getFrom()).orElse(List.of())
                    .forEach(peer -> selectors.add(peer.getNamespaceSelector() == null && peer.getPodSelector() != null ? peer.getPodSelector().getMatchLabels() : null)));
            Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).forEach(r -> Optional.ofNullable(r.getTo()).orElse(List.of())
                    .forEach(peer -> selectors.add(peer.getNamespaceSelector() == null && peer.getPodSelector() != null ? peer.getPodSelector().getMatchLabels() : null)));
            for (Map<String, String> selector : selectors) {
                if (isEmpty(selector) || selector.keySet().stream().anyMatch(OPERATOR_LABELS::contains)) continue;
                if (pods.stream().noneMatch(labels -> labels.entrySet().containsAll(selector.entrySet()))) {
                    problems.add("NetworkPolicy " + name + " selects " + selector + ", which no pod carries");
                }
            }
        }
        for (Map<String, String> labels : pods) {
            List<NetworkPolicy> egress = tree.all(NetworkPolicy.class).stream().filter(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                    .filter(p -> labels.entrySet().containsAll(Optional.ofNullable(p.getSpec().getPodSelector().getMatchLabels()).orElse(Map.of()).entrySet()))
                    .toList();
            boolean dns = egress.stream().flatMap(p -> p.getSpec().getEgress().stream())
                    .anyMatch(rule -> Optional.ofNullable(rule.getPorts()).orElse(List.of()).stream().anyMatch(port -> port.getPort() != null && port.getPort().getIntVal() != null && port.getPort().getIntVal() == 53));
            if (!egress.isEmpty() && !dns) {
                problems.add("pods " + labels + " are isolated for egress without DNS");
            }
        }
        return problems;
    }

    /** The apps run the images the build makes: hotline/&lt;module&gt;, the module being the Deployment's name. */
    List<String> images() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : tree.all(Deployment.class)) {
            String app = deployment.getMetadata().getName();
            for (Container c : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                if (!c.getImage().contains("hotline/" + app + ":")) problems.add(app + " runs " + c.getImage());
                if (!Files.isDirectory(RenderedTree.ROOT.resolve(app))) problems.add(app + " is not a module of the build");
            }
        }
        return problems;
    }

    private Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> templates = new HashMap<>();
        tree.all(Deployment.class).forEach(d -> templates.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate()));
        tree.all(StatefulSet.class).forEach(s -> templates.put("StatefulSet " + s.getMetadata().getName(), s.getSpec().getTemplate()));
        return templates;
    }

    static Optional<EnvVar> env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream()).filter(e -> e.getName().equals(name)).findFirst();
    }

    private String secretValue(EnvVar env) {
        if (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null) return null;
        var ref = env.getValueFrom().getSecretKeyRef();
        return tree.named(Secret.class, ref.getName()).map(s -> {
            if (s.getStringData() != null && s.getStringData().containsKey(ref.getKey())) return s.getStringData().get(ref.getKey());
            String data = Optional.ofNullable(s.getData()).orElse(Map.of()).get(ref.getKey());
            return data == null ? null : new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
        }).orElse(null);
    }

    /** Namespaces whose pods may reach in without counting as outside: the operators that run the engines. */
    static final Set<String> OPERATOR_NAMESPACES = Set.of("cnpg-system");

    /** A peer in another namespace (or any namespace) than an operator's: the way in from outside. */
    private static boolean isIngressController(NetworkPolicyPeer peer) {
        if (peer.getNamespaceSelector() == null) {
            return false;
        }
        Map<String, String> labels = Optional.ofNullable(peer.getNamespaceSelector().getMatchLabels()).orElse(Map.of());
        String namespace = labels.get("kubernetes.io/metadata.name");
        return namespace == null || !OPERATOR_NAMESPACES.contains(namespace);
    }

    private static boolean isEmpty(Object mapOrList) {
        return mapOrList == null || (mapOrList instanceof Map<?, ?> m && m.isEmpty()) || (mapOrList instanceof List<?> l && l.isEmpty());
    }

    private static void need(List<String> problems, String who, String kind, Map<String, Set<String>> present, String name, String key) {
        if (name == null || !present.containsKey(name)) {
            problems.add(who + " names " + kind + " " + name + ", which is not in the tree");
        } else if (key != null && !present.get(name).contains(key)) {
            problems.add(who + " names key " + key + " of " + kind + " " + name + ", which it does not have");
        }
    }

    static Properties applicationProperties(String module) throws IOException {
        Path file = RenderedTree.ROOT.resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Properties applicationPropertiesOrEmpty(String module) {
        try {
            return applicationProperties(module);
        } catch (IOException e) {
            return new Properties();
        }
    }

    private static Set<String> keys(Map<String, String> map) {
        return map == null ? Set.of() : map.keySet();
    }

    @SuppressWarnings("unchecked")
    static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map)) return null;
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node) {
        return node instanceof List ? (List<Map<String, Object>>) node : List.of();
    }

    private static List<String> strings(Object node) {
        return node instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
