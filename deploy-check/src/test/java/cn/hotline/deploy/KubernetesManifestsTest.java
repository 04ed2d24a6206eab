package cn.hotline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** Renders every overlay of deploy/k8s with kubectl and holds each to the deployment's invariants. */
class KubernetesManifestsTest {

    private static final Map<String, RenderedTree> RENDERED = new ConcurrentHashMap<>();

    static List<String> overlays() throws IOException {
        List<String> overlays = RenderedTree.overlays();
        assertThat(overlays).as("deploy/k8s/overlays").contains("demo", "province");
        return overlays;
    }

    private static RenderedTree tree(String overlay) throws Exception {
        RenderedTree tree = RENDERED.get(overlay);
        if (tree == null) {
            tree = RenderedTree.render(overlay);
            RENDERED.put(overlay, tree);
        }
        return tree;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyAppOfTheSuiteIsDeployed(String overlay) throws Exception {
        assertThat(tree(overlay).all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("intake-service", "routing-service", "sla-service", "notify-service", "web-console");
        assertThat(tree(overlay).kind("PodDisruptionBudget")).hasSize(5);
        assertThat(tree(overlay).kind("HorizontalPodAutoscaler")).hasSize(5);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasProbesAndResources(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).probesAndResources()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferencedConfigMapAndSecretKeyExists(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).references()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsAreReplicatedThreeTimesWithTwoInSync(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).topics()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaResourcesUseOnlyFieldsStrimziKnows(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).strimziFieldsKnown()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsHaveAPartitionForEveryConsumerOfAGroup(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).partitionsForConsumers()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsOwnDatabaseAndOnlyThat(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).databases()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheConsoleAndOpen311AreExposed(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).exposure()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesSelectRealPodsAndKeepDns(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).networkPoliciesMatchPods()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void appsRunTheImagesTheBuildMakes(String overlay) throws Exception {
        assertThat(new Invariants(tree(overlay)).images()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceGetsTheContractsConfigurationKeys(String overlay) throws Exception {
        RenderedTree tree = tree(overlay);
        Map<String, String> common = new HashMap<>();
        tree.kind("ConfigMap").stream().filter(c -> c.getMetadata().getName().equals("hotline-common"))
                .forEach(c -> common.putAll(((io.fabric8.kubernetes.api.model.ConfigMap) c).getData()));
        assertThat(common.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(tree.kind("Kafka").get(0).getMetadata().getName() + "-kafka-bootstrap:9092");
        Map<String, String> redisByService = new HashMap<>();
        for (String service : List.of("intake-service", "routing-service", "sla-service", "notify-service")) {
            Deployment deployment = tree.named(Deployment.class, service).orElseThrow();
            for (String key : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "HOTLINE_REDIS_URI", "HOTLINE_AUTH_IDP_ISSUER")) {
                assertThat(Invariants.env(deployment, key)).as(service + " " + key).isPresent();
            }
            String redis = Invariants.env(deployment, "HOTLINE_REDIS_URI").orElseThrow().getValue();
            assertThat(redisByService.values()).as("a Redis database of its own for " + service).doesNotContain(redis);
            redisByService.put(service, redis);
        }
        Deployment notify = tree.named(Deployment.class, "notify-service").orElseThrow();
        for (String key : List.of("NOTIFY_SMPP_HOST", "NOTIFY_SMPP_PORT", "NOTIFY_SMPP_SYSTEM_ID", "NOTIFY_SMPP_PASSWORD")) {
            assertThat(Invariants.env(notify, key)).as("notify-service " + key).isPresent();
        }
    }

    /** The realm people sign in to is the local stack's, less its demo people, with TLS required from outside. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theRealmIsTheLocalOneWithoutItsPeople(String overlay) throws Exception {
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> local = json.readValue(RenderedTree.ROOT.resolve("deploy/local/keycloak/hotline-realm.json").toFile(), Map.class);
        List<HasMetadata> imports = tree(overlay).kind("KeycloakRealmImport");
        assertThat(imports).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> deployed = new HashMap<>((Map<String, Object>) RenderedTree.spec(imports.get(0)).get("realm"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) deployed.remove("users");
        assertThat(users).allSatisfy(u -> assertThat((String) u.get("username")).startsWith("service-account-"))
                .allSatisfy(u -> assertThat(u).doesNotContainKey("credentials"));
        assertThat(deployed.remove("sslRequired")).isEqualTo("external");
        Map<String, Object> expected = new HashMap<>(local);
        expected.remove("users");
        expected.remove("sslRequired");
        assertThat((Object) json.valueToTree(deployed)).isEqualTo(json.valueToTree(expected));
    }

    /** The province overlay carries no real secret: every value is a placeholder to fill outside version control. */
    @Test
    void theProvinceOverlayCommitsNoSecret() throws Exception {
        assertThat(tree("province").all(Secret.class)).extracting(s -> s.getMetadata().getName())
                .contains("hotline-pg-intake", "hotline-intake", "hotline-notify-smpp", "hotline-console-oidc", "hotline-notify-oidc", "hotline-jwt");
        for (Secret secret : tree("province").all(Secret.class)) {
            assertThat(secret.getStringData()).as(secret.getMetadata().getName() + " stringData").isNullOrEmpty();
            Optional.ofNullable(secret.getData()).orElse(Map.of()).forEach((key, value) -> {
                String plain = new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
                if (!key.equals("username") && !key.equals("console-url")) {
                    assertThat(plain).as(secret.getMetadata().getName() + "/" + key).startsWith("replace-me");
                }
            });
        }
    }

    /** The checks catch what they are for: each breaks on a tree with one thing removed or widened. */
    @Test
    void theChecksFailOnABrokenTree() throws Exception {
        try {
            breakAndCheck(tree("demo"));
        } finally {
            RENDERED.remove("demo");
        }
    }

    private static void breakAndCheck(RenderedTree tree) throws Exception {
        Deployment intake = tree.named(Deployment.class, "intake-service").orElseThrow();
        var probe = intake.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe();
        intake.getSpec().getTemplate().getSpec().getContainers().get(0).setReadinessProbe(null);
        assertThat(new Invariants(tree).probesAndResources()).containsExactly("Deployment intake-service/intake-service: no readiness probe");
        intake.getSpec().getTemplate().getSpec().getContainers().get(0).setReadinessProbe(probe);
        for (Deployment d : tree.all(Deployment.class)) {
            d.getSpec().getTemplate().getMetadata().getLabels().remove("hotline.cn/app");
        }
        assertThat(new Invariants(tree).networkPoliciesMatchPods()).anyMatch(p -> p.startsWith("NetworkPolicy apps-egress selects {hotline.cn/app=quarkus}"))
                .anyMatch(p -> p.contains("isolated for egress without DNS"));
        for (Deployment d : tree.all(Deployment.class)) {
            d.getSpec().getTemplate().getMetadata().getLabels().put("hotline.cn/app", "quarkus");
        }

        KafkaTopic tickets = tree.all(KafkaTopic.class).stream().filter(t -> t.getMetadata().getName().equals("hotline.tickets")).findFirst().orElseThrow();
        tickets.getSpec().setPartitions(1);
        assertThat(new Invariants(tree).partitionsForConsumers()).anyMatch(p -> p.startsWith("hotline.tickets: 1 partitions, but routing-service"));
        tickets.getSpec().setReplicas(1);
        assertThat(new Invariants(tree).topics()).contains("hotline.tickets: replicas 1, want 3");
        tickets.getSpec().setPartitions(12);
        tickets.getSpec().setReplicas(3);
        tickets.getSpec().setAdditionalProperty("partitons", 12);
        assertThat(new Invariants(tree).strimziFieldsKnown()).containsExactly("KafkaTopic hotline.tickets: KafkaTopicSpec has fields Strimzi does not know: [partitons]");

        Secret pg = tree.named(Secret.class, "hotline-pg-sla").orElseThrow();
        Map<String, String> data = pg.getData();
        pg.setData(Map.of("username", Base64.getEncoder().encodeToString("intake".getBytes(StandardCharsets.UTF_8))));
        assertThat(new Invariants(tree).references()).contains("Cluster role sla names key password of Secret hotline-pg-sla, which it does not have");
        assertThat(new Invariants(tree).databases()).anyMatch(p -> p.startsWith("sla-service: database hotline_sla is not declared with owner intake"));
        pg.setData(data);

        tree.objects.add(new NetworkPolicyBuilder().withNewMetadata().withName("open-sla").endMetadata().withNewSpec()
                .withNewPodSelector().addToMatchLabels("app.kubernetes.io/name", "sla-service").endPodSelector()
                .withPolicyTypes("Ingress").addNewIngress().addNewFrom().withNewIpBlock().withCidr("0.0.0.0/0").endIpBlock().endFrom().endIngress()
                .endSpec().build());
        tree.objects.add(new IngressBuilder().withNewMetadata().withName("sla").endMetadata().withNewSpec().addNewRule().withHost("x")
                .withNewHttp().addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("sla-service")
                .endService().endBackend().endPath().endHttp().endRule().endSpec().build());
        tree.objects.add(new NetworkPolicyBuilder().withNewMetadata().withName("every-namespace").endMetadata().withNewSpec()
                .withNewPodSelector().addToMatchLabels("app.kubernetes.io/name", "routing-service").endPodSelector()
                .withPolicyTypes("Ingress").addNewIngress().addNewFrom().withNewNamespaceSelector().endNamespaceSelector().endFrom().endIngress()
                .endSpec().build());
        assertThat(new Invariants(tree).exposure()).contains("NetworkPolicy open-sla opens sla-service to outside the namespace")
                .contains("NetworkPolicy every-namespace opens routing-service to outside the namespace")
                .anyMatch(p -> p.startsWith("public routes"));
        io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler hpa = tree.all(
                io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class).get(0);
        hpa.getSpec().getScaleTargetRef().setName("intake-servce");
        assertThat(new Invariants(tree).partitionsForConsumers()).anyMatch(p -> p.contains("scales intake-servce, which is not a Deployment"));
    }
}
