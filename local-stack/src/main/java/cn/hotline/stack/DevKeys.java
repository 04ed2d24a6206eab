package cn.hotline.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import cn.hotline.devissuer.DevKeyPair;
import cn.hotline.devissuer.ServiceClient;
import cn.hotline.devissuer.TokenEndpoint;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** The local stack's JWT issuer: a key pair made on first run, dev tokens signed with it, its token endpoint. */
final class DevKeys {

    static final String ISSUER = "hotline-local";
    private static final Set<String> ROLES = Set.of("operator", "dispatcher", "handler", "supervisor", "admin");

    private DevKeys() {
    }

    /** {@code keys DIR}: creates DIR/private.pem and DIR/public.pem unless they exist. */
    static int create(List<String> args) throws Exception {
        if (args.size() != 1) {
            System.err.println("usage: keys DIR");
            return 2;
        }
        DevKeyPair.in(Path.of(args.get(0)));
        return 0;
    }

    /**
     * {@code issuer DIR PORT CLIENT...}: the dev issuer's token endpoint for service identities when the stack runs
     * without Keycloak (CLIENT is {@code id:secret:role[,role…]}); runs until stopped.
     */
    static int issuer(List<String> args) throws Exception {
        if (args.size() < 3) {
            System.err.println("usage: issuer DIR PORT CLIENT...   (CLIENT: id:secret:role[,role...])");
            return 2;
        }
        DevKeyPair pair = DevKeyPair.in(Path.of(args.get(0)));
        List<ServiceClient> clients = args.subList(2, args.size()).stream().map(ServiceClient::parse).toList();
        TokenEndpoint endpoint = TokenEndpoint.start("127.0.0.1", Integer.parseInt(args.get(1)), ISSUER, pair.privateKey(),
                Duration.ofMinutes(5), clients);
        System.out.println("dev issuer: " + endpoint.authServerUrl() + TokenEndpoint.TOKEN_PATH + " for "
                + clients.stream().map(ServiceClient::clientId).toList());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endpoint.close();
            stopped.countDown();
        }, "dev-issuer-stop"));
        stopped.await();
        return Integer.MIN_VALUE;
    }

    /** {@code token DIR ROLE [--unit CODE] [--sub ID]}: prints a token valid for 12 hours. */
    static int token(List<String> args) throws Exception {
        if (args.size() < 2 || !ROLES.contains(args.get(1))) {
            System.err.println("usage: token.sh ROLE [--unit CODE] [--sub ID]   (ROLE: operator, dispatcher, handler,"
                    + " supervisor, admin)");
            return 2;
        }
        String role = args.get(1);
        String unit = null;
        String subject = "dev-" + role;
        for (int i = 2; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                System.err.println("option " + option + " needs a value");
                return 2;
            }
            switch (option) {
                case "--unit" -> unit = args.get(++i);
                case "--sub" -> subject = args.get(++i);
                default -> {
                    System.err.println("unknown option " + option);
                    return 2;
                }
            }
        }
        if ("handler".equals(role) && unit == null) {
            System.err.println("a handler token needs --unit CODE (the unit the handler belongs to)");
            return 2;
        }
        Path privateKey = Path.of(args.get(0)).resolve("private.pem");
        if (!Files.exists(privateKey)) {
            System.err.println("no key pair at " + args.get(0) + ": run deploy/local/up.sh once first");
            return 1;
        }
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(12 * 3600L);
        if (unit != null) {
            claims.claim("unit", unit);
        }
        System.out.println(claims.sign(new DevKeyPair(privateKey, privateKey.resolveSibling("public.pem")).privateKey()));
        return 0;
    }
}
