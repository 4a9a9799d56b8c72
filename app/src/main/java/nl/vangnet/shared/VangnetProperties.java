package nl.vangnet.shared;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Vangnet's own settings, under the {@code vangnet.} prefix.
 *
 * @param dataDir where the embedded database, the initial admin password and key files live
 * @param demo seeds synthetic organisations and accounts and shows a banner on every page
 * @param quickExitUrl the neutral site the quick-exit button leaves to
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param login throttling of staff login attempts
 * @param publicBaseUrl the address people and partners reach Vangnet at, for the few places that
 *     need an absolute URL (links made to be sent elsewhere, the OpenAPI server); never taken from
 *     the request's Host header. Redirects are relative and need none.
 * @param apiKeys throttling of wrong API keys per client
 */
@ConfigurationProperties("vangnet")
public record VangnetProperties(
        Path dataDir,
        boolean demo,
        String quickExitUrl,
        long maxRequestBytes,
        Login login,
        URI publicBaseUrl,
        ApiKeys apiKeys) {

    public VangnetProperties {
        if (dataDir == null) {
            dataDir = Path.of("vangnet-data");
        }
        if (quickExitUrl == null || quickExitUrl.isBlank()) {
            quickExitUrl = "https://www.weeronline.nl/";
        }
        if (maxRequestBytes <= 0) {
            maxRequestBytes = 256 * 1024;
        }
        if (login == null) {
            login = new Login(5, 30, Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
        if (publicBaseUrl == null) {
            publicBaseUrl = URI.create("http://localhost:8080");
        }
        String base = publicBaseUrl.toString();
        if (!publicBaseUrl.isAbsolute()
                || !(base.startsWith("http://") || base.startsWith("https://"))
                || publicBaseUrl.getHost() == null
                || publicBaseUrl.getRawQuery() != null
                || publicBaseUrl.getRawFragment() != null
                || publicBaseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "vangnet.public-base-url must be an absolute http(s) URL without query, fragment or credentials,"
                            + " e.g. https://vangnet.example.nl");
        }
        if (base.endsWith("/")) {
            publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
        }
        if (apiKeys == null) {
            apiKeys = new ApiKeys(0, null, null);
        }
    }

    /** The public base URL followed by an absolute path such as {@code /vragenlijst/}. */
    public String publicUrl(String path) {
        return publicBaseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * @param maxFailuresPerAccount failures on one account name within the window before it is locked
     * @param maxFailuresPerClient failures from one client within the window before it is locked
     * @param window how long failures are remembered
     * @param lockout how long a lock lasts
     */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerClient, Duration window, Duration lockout) {}

    /**
     * @param maxFailuresPerClient malformed, unknown or revoked keys from one client within the
     *     window before it gets 429 for every key it presents
     * @param window how long failures are remembered
     * @param lockout how long the client then waits
     */
    public record ApiKeys(int maxFailuresPerClient, Duration window, Duration lockout) {
        public ApiKeys {
            maxFailuresPerClient = maxFailuresPerClient <= 0 ? 20 : maxFailuresPerClient;
            window = window == null ? Duration.ofMinutes(15) : window;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        }
    }
}
