package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TakedownUrlTests {

    private static TakedownUrl parse(String s) throws TakedownUrl.Invalid {
        return TakedownUrl.parse(s);
    }

    @Test
    void normalisesSchemeHostPortAndDropsTheFragment() throws Exception {
        TakedownUrl url = parse("  HTTPS://Images.Example.COM:443/a/b.jpg?x=1&y=2#top ");
        assertThat(url.ascii()).isEqualTo("https://images.example.com/a/b.jpg?x=1&y=2");
        assertThat(url.host()).isEqualTo("images.example.com");
        assertThat(url.port()).isEqualTo(443);
        assertThat(parse("http://example.org").ascii()).isEqualTo("http://example.org/");
        assertThat(parse("http://example.org:8080/x").ascii()).isEqualTo("http://example.org:8080/x");
        assertThat(parse("http://example.org.?q").ascii()).isEqualTo("http://example.org/?q");
    }

    @Test
    void assumesHttpsWhenPastedWithoutAScheme() throws Exception {
        assertThat(parse("www.example.org/foto/1").ascii()).isEqualTo("https://www.example.org/foto/1");
        assertThat(parse("example.org:8443/x").ascii()).isEqualTo("https://example.org:8443/x");
        assertThat(parse("//cdn.example.org/x.png").ascii()).isEqualTo("https://cdn.example.org/x.png");
    }

    @Test
    void internationalisedDomainsBecomePunycodeAndKeepTheirUnicodeForPeople() throws Exception {
        TakedownUrl url = parse("https://bücher.example/afbeelding/één.jpg");
        assertThat(url.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(url.hostDisplay()).isEqualTo("bücher.example");
        assertThat(url.ascii()).isEqualTo("https://xn--bcher-kva.example/afbeelding/%C3%A9%C3%A9n.jpg");
        assertThat(url.display()).isEqualTo("https://bücher.example/afbeelding/%C3%A9%C3%A9n.jpg");
        assertThat(url.internationalised()).isTrue();
        assertThat(parse("https://xn--bcher-kva.example/").hostDisplay()).isEqualTo("bücher.example");
    }

    @Test
    void percentEscapesAreKeptAndSpecialCharactersEncoded() throws Exception {
        assertThat(parse("https://example.org/a%2fb/c|d").ascii()).isEqualTo("https://example.org/a%2Fb/c%7Cd");
    }

    @Test
    void addressLiteralsAreAcceptedAndCanonical() throws Exception {
        assertThat(parse("http://93.184.216.34/x").host()).isEqualTo("93.184.216.34");
        TakedownUrl v6 = parse("http://[2001:DB8::1]:8080/x");
        assertThat(v6.host()).isEqualTo("[2001:db8:0:0:0:0:0:1]");
        assertThat(v6.hostIsAddress()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'' => EMPTY",
                "'   ' => EMPTY",
                "ftp://example.org/file => NOT_HTTP",
                "javascript:alert(1) => NOT_HTTP",
                "mailto:someone@example.org => NOT_HTTP",
                "data:image/png;base64,AAAA => NOT_HTTP",
                "file:///etc/passwd => NOT_HTTP",
                "https://user:secret@example.org/x => CREDENTIALS",
                "https://user@example.org/x => CREDENTIALS",
                "https://exa mple.org/ => MALFORMED",
                "https://example.org/%zz => MALFORMED",
                "https://localhost/x => BAD_HOST",
                "https:///x => BAD_HOST",
                "https://-bad-.example/ => BAD_HOST",
                "https://example..org/ => BAD_HOST",
                "https://999.1.1.1/ => BAD_HOST",
                "https://example.org:0/ => BAD_PORT",
                "https://example.org:70000/ => BAD_PORT",
                "https://example.org:http/ => BAD_PORT",
                "https://[zz::1]/ => BAD_HOST"
            })
    void refusesWhatIsNotAUsableWebAddress(String input, TakedownUrl.Problem problem) {
        assertThatThrownBy(() -> parse(input))
                .isInstanceOfSatisfying(
                        TakedownUrl.Invalid.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void refusesOverlongAddresses() {
        assertThatThrownBy(() -> parse("https://example.org/" + "a".repeat(TakedownUrl.MAX_LENGTH)))
                .isInstanceOfSatisfying(
                        TakedownUrl.Invalid.class,
                        e -> assertThat(e.problem()).isEqualTo(TakedownUrl.Problem.TOO_LONG));
    }

    @Test
    void theDuplicateKeyIgnoresTheSchemeButNothingElse() throws Exception {
        assertThat(parse("http://example.org/a").duplicateKey())
                .isEqualTo(parse("https://EXAMPLE.org/a#x").duplicateKey());
        assertThat(parse("https://example.org/a").duplicateKey())
                .isNotEqualTo(parse("https://example.org/A").duplicateKey());
        assertThat(parse("https://example.org/a?x=1").duplicateKey())
                .isNotEqualTo(parse("https://example.org/a?x=2").duplicateKey());
    }

    @Test
    void neverPrintsTheUrlItself() throws Exception {
        assertThat(parse("https://example.org/secret-path").toString())
                .doesNotContain("secret-path")
                .contains("example.org");
    }
}
