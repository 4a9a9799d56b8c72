package nl.vangnet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.shared.VangnetProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

@VangnetIntegrationTest
class IdentityIT {

    @Autowired
    VangnetProperties properties;

    @Autowired
    AuthenticationManager authentication;

    @Autowired
    StaffManagement staff;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private String initialPassword() throws Exception {
        return Files.readString(properties.dataDir().resolve(InitialAdministrator.FILE_NAME))
                .strip();
    }

    @Test
    void firstStartCreatesAnAdminWhosePasswordIsOnlyInAnOwnerOnlyFile() throws Exception {
        Path file = properties.dataDir().resolve(InitialAdministrator.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String password = initialPassword();
        assertThat(password).hasSize(24);
        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(InitialAdministrator.USERNAME, password));
        StaffPrincipal principal = (StaffPrincipal) result.getPrincipal();
        assertThat(principal.hasRole(Role.ADMIN)).isTrue();
        assertThat(principal.mustChangePassword()).isTrue();
        assertThat(principal.getPassword()).isEmpty();
    }

    @Test
    void storesOnlyArgon2idHashes() {
        String hash = jdbc.sql("SELECT password_hash FROM identity.staff_account WHERE username = 'admin'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void wrongPasswordsFailAndAreAudited() {
        long before = audit.latest(1000).size();
        assertThatThrownBy(() -> authentication.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("nobody-here", "wrong-password-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(audit.latest(1000)).hasSize((int) before + 1);
        assertThat(audit.latest(1).getFirst().action()).isEqualTo("LOGIN_FAILED");
        assertThat(audit.latest(1).getFirst().actor()).isEqualTo("anonymous");
    }

    @Test
    void adminCreatesAnOrganisationAndAnAccountWithAOneTimePassword() {
        Organisation hotline =
                staff.createOrganisation("admin", "Test Hulplijn " + System.nanoTime(), OrganisationKind.HOTLINE);
        String username = "medewerker" + (System.nanoTime() % 100000);
        StaffManagement.NewAccount created =
                staff.createAccount("admin", username, "Mia Medewerker", hotline.id(), Set.of(Role.HOTLINE));
        assertThat(created.oneTimePassword()).hasSize(StaffManagement.GENERATED_PASSWORD_LENGTH);
        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, created.oneTimePassword()));
        assertThat(((StaffPrincipal) result.getPrincipal()).organisationId()).isEqualTo(hotline.id());
        assertThat(((StaffPrincipal) result.getPrincipal()).mustChangePassword())
                .isTrue();
    }

    @Test
    void refusesInvalidAccountsWithEveryReason() {
        assertThatThrownBy(() -> staff.createAccount(
                        "admin", "X", " ", new OrganisationId(java.util.UUID.randomUUID()), Set.of()))
                .isInstanceOfSatisfying(
                        StaffManagement.IdentityProblem.class,
                        p -> assertThat(p.messageKeys())
                                .containsExactlyInAnyOrder(
                                        "account.username.invalid",
                                        "account.display-name.invalid",
                                        "account.organisation.unknown",
                                        "account.roles.missing"));
        assertThatThrownBy(() -> staff.createOrganisation("admin", "Vangnet-beheer", OrganisationKind.OTHER))
                .isInstanceOfSatisfying(
                        StaffManagement.IdentityProblem.class,
                        p -> assertThat(p.messageKeys()).containsExactly("organisation.name.taken"));
    }

    @Test
    void changingOwnPasswordChecksTheCurrentOneAndThePolicy() throws Exception {
        Organisation org =
                staff.createOrganisation("admin", "Wachtwoordtest " + System.nanoTime(), OrganisationKind.CARE);
        String username = "zorg" + (System.nanoTime() % 100000);
        StaffManagement.NewAccount created =
                staff.createAccount("admin", username, "Zo Zorg", org.id(), Set.of(Role.CARE));
        assertThatThrownBy(() -> staff.changeOwnPassword(username, "wrong", "short", "other"))
                .isInstanceOfSatisfying(
                        StaffManagement.IdentityProblem.class,
                        p -> assertThat(p.messageKeys())
                                .contains("password.current-wrong", "password.repeat-differs", "password.too-short"));
        staff.changeOwnPassword(username, created.oneTimePassword(), "een lange nieuwe zin", "een lange nieuwe zin");
        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "een lange nieuwe zin"));
        assertThat(((StaffPrincipal) result.getPrincipal()).mustChangePassword())
                .isFalse();
    }
}
