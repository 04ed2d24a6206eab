package cn.hotline.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** The local stack's JWT issuer: a key pair made on first run, and dev tokens signed with it. */
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
        Path dir = Path.of(args.get(0));
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return 0;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return 0;
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
        System.out.println(claims.sign(readPrivateKey(privateKey)));
        return 0;
    }

    private static PrivateKey readPrivateKey(Path path) throws Exception {
        String pem = Files.readString(path, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
