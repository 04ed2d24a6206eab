package cn.hotline.console.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a state-changing request came from the console's own pages: Sec-Fetch-Site same-origin (or absent) and an
 * Origin (else Referer) naming one of the console's own origins. Answers why not, in words a log or a person reads.
 */
public final class OriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> ownOrigins;

    /** {@code ownOrigins}: scheme://host[:port] values the console is reached at (e.g. its public URL). */
    public OriginCheck(Set<String> ownOrigins) {
        this.ownOrigins = ownOrigins.stream().map(OriginCheck::originOf).flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Why the request is refused, or empty when it may proceed. {@code requestOrigin} is the origin the request was
     * addressed to (its scheme and Host header), accepted besides the configured ones.
     */
    public Optional<String> refusal(String method, String fetchSite, String origin, String referer, String requestOrigin) {
        if (method == null || SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
            return Optional.of("a " + method + " from another site (Sec-Fetch-Site: " + word(fetchSite)
                    + ") is refused: forms of the console change state only from the console's own pages");
        }
        String claimed = present(origin) ? origin : referer;
        if (!present(claimed)) {
            return Optional.of("a " + method + " without an Origin or Referer header is refused:"
                    + " the console cannot tell that its own page sent it");
        }
        Optional<String> from = originOf(claimed);
        boolean own = from.isPresent() && (ownOrigins.contains(from.get())
                || originOf(requestOrigin).map(from.get()::equals).orElse(false));
        if (!own) {
            return Optional.of("a " + method + " whose " + (present(origin) ? "Origin" : "Referer")
                    + " is not the console's own origin is refused");
        }
        return Optional.empty();
    }

    /** scheme://host[:port], lower case, without a default port; empty for "null" or anything not an http(s) URL. */
    static Optional<String> originOf(String url) {
        if (!present(url)) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The header's value only when it is one of the standard words, so nothing the sender chose is echoed. */
    private static String word(String fetchSite) {
        String lower = fetchSite.toLowerCase(Locale.ROOT);
        return Set.of("cross-site", "same-site", "none").contains(lower) ? lower : "unexpected value";
    }
}
