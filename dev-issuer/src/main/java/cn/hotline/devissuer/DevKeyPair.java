package cn.hotline.devissuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The dev issuer's RSA key pair as two PEM files in one directory: {@code private.pem} (PKCS#8) and {@code public.pem}. */
public record DevKeyPair(Path privateKeyFile, Path publicKeyFile) {

    /** The pair in {@code dir}, made there first unless both files exist. */
    public static DevKeyPair in(Path dir) {
        DevKeyPair pair = new DevKeyPair(dir.resolve("private.pem"), dir.resolve("public.pem"));
        if (Files.exists(pair.privateKeyFile) && Files.exists(pair.publicKeyFile)) {
            return pair;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.writeString(pair.privateKeyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(pair.publicKeyFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key pair to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key pair", e);
        }
    }

    /** The private key, read from its file. */
    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateKeyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(privateKeyFile + " is not a PKCS#8 RSA private key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
