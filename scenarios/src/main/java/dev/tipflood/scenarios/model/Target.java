package dev.tipflood.scenarios.model;

import dev.tipflood.binding.Checks;
import java.net.URI;
import java.util.Optional;

/**
 * Where load goes: the embedded mock server ({@code embedded}) or an external base URL
 * ({@code http://host:port}). The CLI refuses non-loopback URLs unless the user confirms.
 */
public record Target(Optional<URI> url) {

    public static final String EXPECTED = "'embedded' or an absolute http(s) URL such as http://127.0.0.1:8080";

    public Target {
        Checks.of().notNull("url", url).done();
        Checks.of().require(url.isEmpty() || isHttp(url.get()), "url", url.map(URI::toString).orElse(""), EXPECTED).done();
    }

    public static Target embedded() {
        return new Target(Optional.empty());
    }

    /** Parses {@code embedded} or a URL; throws {@link IllegalArgumentException} with {@link #EXPECTED}. */
    public static Target parse(String text) {
        if ("embedded".equals(text)) {
            return embedded();
        }
        try {
            URI uri = new URI(text == null ? "" : text);
            if (!isHttp(uri)) {
                throw new IllegalArgumentException(EXPECTED);
            }
            return new Target(Optional.of(uri));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(EXPECTED, e);
        }
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }

    private static boolean isHttp(URI uri) {
        return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null;
    }

    @Override
    public String toString() {
        return url.map(URI::toString).orElse("embedded");
    }
}
