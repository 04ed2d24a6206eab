package cn.hotline.devissuer;

import java.util.List;
import java.util.Set;

/** A client the dev issuer knows: its id (the token's subject), its secret and the roles its tokens carry. */
public record ServiceClient(String clientId, String secret, Set<String> roles) {

    /** {@code id:secret:role[,role…]}, the form of the command line and of the test configuration. */
    public static ServiceClient parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("a client is id:secret:role[,role...], not " + spec);
        }
        return new ServiceClient(parts[0], parts[1], Set.copyOf(List.of(parts[2].split(","))));
    }
}
