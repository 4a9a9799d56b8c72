package nl.vangnet.shared;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) under a key that exists only in memory and is new at every start, for
 * telling clients (and other throttled things, such as a receipt's public look-up number) apart
 * without storing, logging or being able to recover what they were made from.
 *
 * <p>The client is the connection's remote address as the servlet container reports it: the TCP
 * peer, or the address from {@code X-Forwarded-For} only when a trusted proxy is configured
 * ({@code server.forward-headers-strategy=native} with {@code server.tomcat.remoteip.*}); a header
 * sent by anyone else changes nothing. IPv6 addresses count per /64 network, the smallest block
 * one subscriber normally gets, so rotating through one's own addresses buys no new budget.
 */
@Component
public class ClientKeys {

    private final SecretKeySpec key;

    public ClientKeys() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The key of a client, from its remote address. */
    public String client(String remoteAddress) {
        return "c:" + hash(network(remoteAddress));
    }

    /** A keyed hash of any value, for throttles keyed by something other than the client. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** IPv4 as it is, IPv6 by its /64 prefix; anything unparseable as the text itself. */
    static String network(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        String literal = remoteAddress;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            // ofLiteral never consults DNS.
            byte[] bytes = InetAddress.ofLiteral(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            return remoteAddress;
        }
    }
}
