package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTests {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.255.1.2, LOOPBACK",
        "::1, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "172.16.5.4, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "169.254.169.254, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "0.0.0.0, SPECIAL",
        "::, SPECIAL",
        "224.0.0.1, SPECIAL",
        "255.255.255.255, SPECIAL",
        "192.0.2.10, SPECIAL",
        "198.18.0.1, SPECIAL",
        "2001:db8::1, SPECIAL",
        "ff02::1, SPECIAL",
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.1.2.3, PRIVATE",
        "::ffff:169.254.169.254, LINK_LOCAL",
        "64:ff9b::a00:1, PRIVATE",
        "2002:a9fe:a9fe::1, LINK_LOCAL",
        "8.8.8.8, PUBLIC",
        "93.184.216.34, PUBLIC",
        "172.32.0.1, PUBLIC",
        "2a00:1450:4001::1, PUBLIC"
    })
    void classifiesAddresses(String literal, AddressPolicy.Kind kind) {
        assertThat(AddressPolicy.kind(InetAddress.ofLiteral(literal))).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, false, true, false, false",
        "10.0.0.1, false, false, true, false",
        "fd00::5, false, false, true, false",
        "169.254.169.254, false, false, false, true",
        "8.8.8.8, true, false, false, false"
    })
    void allowsOnlyWhatTheConfigurationAllows(
            String literal, boolean strict, boolean loopback, boolean privateRanges, boolean linkLocal) {
        InetAddress address = InetAddress.ofLiteral(literal);
        assertThat(new AddressPolicy(false, false, false).allows(address)).isEqualTo(strict);
        assertThat(new AddressPolicy(true, false, false).allows(address)).isEqualTo(strict || loopback);
        assertThat(new AddressPolicy(false, true, false).allows(address)).isEqualTo(strict || privateRanges);
        assertThat(new AddressPolicy(false, false, true).allows(address)).isEqualTo(strict || linkLocal);
    }
}
