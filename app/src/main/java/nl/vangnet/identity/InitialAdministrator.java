package nl.vangnet.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import nl.vangnet.shared.VangnetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the very first start (no staff account at all) creates the {@code admin} account with a
 * random password, written once to {@code <data-dir>/initial-admin-password} with owner-only
 * permissions and never logged. There is no default password; the administrator must choose a
 * new one at first login.
 */
@Component
@Order(10)
class InitialAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String FILE_NAME = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final StaffManagement staff;
    private final VangnetProperties properties;

    InitialAdministrator(StaffManagement staff, VangnetProperties properties) {
        this.staff = staff;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (staff.hasAccounts()) {
            return;
        }
        String password = Passwords.generate(24);
        Organisation administration = staff.organisations().stream()
                .filter(o -> o.kind() == OrganisationKind.ADMINISTRATION)
                .findFirst()
                .orElseGet(() -> staff.createOrganisation("system", "Vangnet-beheer", OrganisationKind.ADMINISTRATION));
        staff.createAccountWithPassword(
                "system", USERNAME, "Beheerder", administration.id(), Set.of(Role.ADMIN), password, true);
        Path file = writePasswordFile(password);
        log.info(
                "Created the first administrator account '{}'. Its one-time password is in {}; "
                        + "it must be changed at the first login.",
                USERNAME,
                file);
    }

    private Path writePasswordFile(String password) {
        Path file = properties.dataDir().toAbsolutePath().resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(
                    file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the initial administrator password to " + file, e);
        }
    }
}
