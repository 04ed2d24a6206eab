package cn.hotline.stack;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the helpers deploy/local's scripts call: {@code keys}, {@code token}, {@code issuer}, {@code postgres},
 * {@code redis}, {@code databases}, {@code topics}. Each prints one line per problem and exits non-zero on failure.
 */
public final class Stack {

    private Stack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int status = switch (args[0]) {
            case "keys" -> DevKeys.create(rest);
            case "token" -> DevKeys.token(rest);
            case "issuer" -> DevKeys.issuer(rest);
            case "postgres" -> EmbeddedServers.postgres(rest);
            case "redis" -> EmbeddedServers.redis(rest);
            case "databases" -> Provisioning.databases(rest);
            case "topics" -> Provisioning.topics(rest);
            default -> {
                usage();
                yield 2;
            }
        };
        if (status != Integer.MIN_VALUE) {
            System.exit(status);
        }
    }

    private static void usage() {
        System.err.println("""
                usage: Stack keys DIR
                       Stack token DIR ROLE [--unit CODE] [--sub ID]
                       Stack issuer DIR PORT CLIENT...     (runs until stopped; CLIENT: id:secret:role[,role...])
                       Stack postgres PORT DATA_DIR        (runs until stopped)
                       Stack redis PORT DATA_DIR           (runs until stopped)
                       Stack databases HOST PORT NAME...
                       Stack topics BOOTSTRAP PARTITIONS [REPLICATION_FACTOR [MIN_INSYNC_REPLICAS]]""");
    }
}
