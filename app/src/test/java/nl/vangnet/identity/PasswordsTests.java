package nl.vangnet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTests {

    @Test
    void generatedPasswordsAreLongUniqueAndFreeOfLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String p = Passwords.generate(20);
            assertThat(p).hasSize(20).doesNotContainAnyWhitespaces().matches("[^0O1lI]+");
            assertThat(seen.add(p)).isTrue();
        }
    }

    @Test
    void policyExplainsEveryBrokenRule() {
        assertThat(Passwords.problems("aaaa", "aaaa"))
                .containsExactlyInAnyOrder("password.too-short", "password.contains-username", "password.too-simple");
        assertThat(Passwords.problems("paard batterij nietje correct", "admin")).isEmpty();
        assertThat(Passwords.problems("x".repeat(129) + "abcdef", "admin")).contains("password.too-long");
    }
}
