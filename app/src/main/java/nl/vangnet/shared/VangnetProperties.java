package nl.vangnet.shared;

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
 */
@ConfigurationProperties("vangnet")
public record VangnetProperties(Path dataDir, boolean demo, String quickExitUrl, long maxRequestBytes, Login login) {

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
    }

    /**
     * @param maxFailuresPerAccount failures on one account name within the window before it is locked
     * @param maxFailuresPerClient failures from one client within the window before it is locked
     * @param window how long failures are remembered
     * @param lockout how long a lock lasts
     */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerClient, Duration window, Duration lockout) {}
}
