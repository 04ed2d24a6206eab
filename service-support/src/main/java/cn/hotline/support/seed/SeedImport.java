package cn.hotline.support.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The one way a service seeds its reference data on a first start: the seed files are read from the classpath
 * and handed to the same service methods an administrator's import calls, under a PostgreSQL advisory lock so
 * replicas starting together on an empty database seed one after the other (the second finds the work done).
 */
@ApplicationScoped
public class SeedImport {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Pool pool;

    public SeedImport(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code seed} while this replica holds the advisory lock named {@code name} (on a connection of its
     * own, so the seed's own transactions are free to use any other). Released whatever the seed's outcome.
     */
    public <T> Uni<T> exclusively(String name, Supplier<Uni<T>> seed) {
        Tuple key = Tuple.of("hotline-seed:" + name);
        return pool.getConnection().chain(conn -> conn.preparedQuery("select pg_advisory_lock(hashtext($1))").execute(key)
                .chain(locked -> seed.get())
                .eventually(() -> conn.preparedQuery("select pg_advisory_unlock(hashtext($1))").execute(key)
                        .eventually(conn::close)));
    }

    /** A seed file's text (UTF-8) from the classpath. */
    public static String text(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            InputStream stream = in != null ? in : SeedImport.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new IllegalStateException("seed resource " + resource + " is not on the classpath");
            }
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("seed resource " + resource + " unreadable", e);
        }
    }

    /** A YAML seed file as a tree. */
    public static JsonNode yaml(String resource) {
        return parse(resource, () -> YAML.readTree(text(resource)));
    }

    /** A YAML seed file as {@code type} (unknown properties ignored, java.time supported). */
    public static <T> T yaml(String resource, TypeReference<T> type) {
        return parse(resource, () -> YAML.readValue(text(resource), type));
    }

    /** A YAML tree node (one entry of a seed file) as {@code type}. */
    public static <T> T value(JsonNode node, Class<T> type) {
        return parse(node.toString(), () -> YAML.treeToValue(node, type));
    }

    private interface Parse<T> {
        T run() throws IOException;
    }

    private static <T> T parse(String what, Parse<T> parse) {
        try {
            return parse.run();
        } catch (IOException e) {
            throw new IllegalStateException("seed " + what + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
