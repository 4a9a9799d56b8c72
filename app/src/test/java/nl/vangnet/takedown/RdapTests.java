package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bootstrap files (RFC 9224) and RDAP answers (RFC 9083), without any network. */
class RdapTests {

    private static String shipped(String kind) throws IOException {
        try (InputStream in = RdapTests.class.getResourceAsStream("/takedown/rdap/" + kind + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedFilesParseAndPointToTheRegistries() throws IOException {
        RdapBootstrap v4 = RdapBootstrap.parse("ipv4", shipped("ipv4"));
        RdapBootstrap v6 = RdapBootstrap.parse("ipv6", shipped("ipv6"));
        RdapBootstrap dns = RdapBootstrap.parse("dns", shipped("dns"));
        assertThat(v4.forAddress(InetAddress.ofLiteral("185.10.1.1")))
                .hasValue(URI.create("https://rdap.db.ripe.net/"));
        assertThat(v4.forAddress(InetAddress.ofLiteral("8.8.8.8")))
                .hasValue(URI.create("https://rdap.arin.net/registry/"));
        assertThat(v4.forAddress(InetAddress.ofLiteral("127.0.0.1"))).isEmpty();
        assertThat(v6.forAddress(InetAddress.ofLiteral("2a00:1450::1")))
                .hasValue(URI.create("https://rdap.db.ripe.net/"));
        assertThat(v4.forAddress(InetAddress.ofLiteral("2a00:1450::1"))).isEmpty();
        assertThat(dns.forDomain("voorbeeld.nl")).hasValue(URI.create("https://rdap.sidn.nl/"));
        assertThat(dns.forDomain("cdn.example.com")).hasValue(URI.create("https://rdap.verisign.com/com/v1/"));
        assertThat(dns.forDomain("example.invalid")).isEmpty();
        assertThat(dns.publication()).isNotBlank();
    }

    @Test
    void theLongestMatchingPrefixAndSuffixWin() {
        RdapBootstrap v4 = RdapBootstrap.parse("ipv4", """
                {"services": [
                  [["10.0.0.0/8"], ["https://wide.example/rdap"]],
                  [["10.1.0.0/16"], ["http://narrow.example/", "https://narrow.example/"]]
                ]}""");
        assertThat(v4.forAddress(InetAddress.ofLiteral("10.1.2.3"))).hasValue(URI.create("https://narrow.example/"));
        assertThat(v4.forAddress(InetAddress.ofLiteral("10.2.2.3"))).hasValue(URI.create("https://wide.example/rdap/"));
        RdapBootstrap dns = RdapBootstrap.parse("dns", """
                {"services": [[["uk"], ["https://uk.example/"]], [["co.uk"], ["https://co-uk.example/"]]]}""");
        assertThat(dns.forDomain("shop.co.uk")).hasValue(URI.create("https://co-uk.example/"));
        assertThat(dns.forDomain("gov.uk")).hasValue(URI.create("https://uk.example/"));
        assertThat(dns.forDomain("evilco.uk")).hasValue(URI.create("https://uk.example/"));
    }

    @Test
    void brokenFilesAreRefusedRatherThanUsed() {
        assertThatThrownBy(() -> RdapBootstrap.parse("ipv4", "{\"services\": []}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RdapBootstrap.parse("ipv4", "{\"services\": [[[\"not-a-cidr\"], [\"https://x/\"]]]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RdapBootstrap.parse("dns", "{\"services\": [[[\"nl\"], [\"ftp://x/\"]]]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RdapBootstrap.parse("dns", "<html>maintenance</html>"))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> RdapBootstrap.parse("asn", "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheNetworkHolderAndANestedAbuseContact() {
        RdapLookup.Answer answer = RdapLookup.parse("""
                {"objectClassName": "ip network", "handle": "NET-1", "name": "EXAMPLE-NET", "country": "nl",
                 "entities": [
                   {"roles": ["registrant"], "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                       ["fn", {}, "text", "Voorbeeld Hosting B.V."], ["kind", {}, "text", "org"]]],
                    "entities": [
                      {"roles": ["abuse"], "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                          ["fn", {}, "text", "Abuse desk"], ["email", {}, "text", "Abuse@Voorbeeld-Hosting.nl"]]]}
                    ]},
                   {"roles": ["technical"], "vcardArray": ["vcard", [["email", {}, "text", "noc@example.net"]]]}
                 ]}""", true);
        assertThat(answer.outcome()).isEqualTo(RdapLookup.Outcome.FOUND);
        assertThat(answer.provider()).isEqualTo("Voorbeeld Hosting B.V.");
        assertThat(answer.abuseEmail()).isEqualTo("abuse@voorbeeld-hosting.nl");
        assertThat(answer.country()).isEqualTo("NL");
    }

    @Test
    void aDomainAnswerNamesTheRegistrar() {
        RdapLookup.Answer answer = RdapLookup.parse("""
                {"objectClassName": "domain", "ldhName": "example.com",
                 "entities": [{"roles": ["registrar"], "vcardArray": ["vcard", [["fn", {}, "text", "Registrar Inc."]]],
                   "entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["email", {}, "text", "abuse@registrar.example"]]]}]}]}
                """, false);
        assertThat(answer.provider()).isEqualTo("Registrar Inc.");
        assertThat(answer.abuseEmail()).isEqualTo("abuse@registrar.example");
    }

    @Test
    void anAnswerWithoutContactsOrWithGarbageGivesNothingToUse() {
        RdapLookup.Answer empty = RdapLookup.parse("{\"objectClassName\": \"ip network\"}", true);
        assertThat(empty.outcome()).isEqualTo(RdapLookup.Outcome.NOT_FOUND);
        RdapLookup.Answer garbage = RdapLookup.parse("""
                {"name": 42, "country": "Netherlands", "entities": [{"roles": ["abuse"],
                 "vcardArray": ["vcard", [["email", {}, "text", "not an address"]]]}]}""", true);
        assertThat(garbage.provider()).isNull();
        assertThat(garbage.abuseEmail()).isNull();
        assertThat(garbage.country()).isNull();
    }

    @Test
    void registrableDomainsKeepTwoLabelsOrThreeUnderKnownSecondLevelSuffixes() {
        assertThat(HostIdentification.registrableDomain("img.cdn.example.com")).isEqualTo("example.com");
        assertThat(HostIdentification.registrableDomain("www.shop.co.uk")).isEqualTo("shop.co.uk");
        assertThat(HostIdentification.registrableDomain("example.nl")).isEqualTo("example.nl");
    }
}
