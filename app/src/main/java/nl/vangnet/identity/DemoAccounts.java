package nl.vangnet.identity;

import java.util.List;
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
 * With {@code vangnet.demo=true}: synthetic organisations and one account per role, with the
 * documented demo passwords from the README. Off by default; every page shows a banner while on.
 * Idempotent, so restarting in demo mode does not duplicate anything.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** One demo account: the password is public, so demo mode must never hold real data. */
    record Demo(String username, String displayName, String organisation, OrganisationKind kind, Role role) {
        String password() {
            return "demo-" + username + "-wachtwoord";
        }
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("demo-beheer", "Demo Beheerder", "Demo Beheer", OrganisationKind.ADMINISTRATION, Role.ADMIN),
            new Demo(
                    "demo-hotline",
                    "Demo Hulplijn",
                    "Demo Hulplijn Online Misbruik",
                    OrganisationKind.HOTLINE,
                    Role.HOTLINE),
            new Demo(
                    "demo-zorg", "Demo Zorgverlener", "Demo Centrum Seksueel Geweld", OrganisationKind.CARE, Role.CARE),
            new Demo("demo-politie", "Demo Politie", "Demo Politie Zeden", OrganisationKind.POLICE, Role.POLICE),
            new Demo(
                    "demo-onderzoek",
                    "Demo Onderzoeker",
                    "Demo Onderzoeksinstituut",
                    OrganisationKind.RESEARCH,
                    Role.RESEARCHER));

    private final StaffManagement staff;
    private final VangnetProperties properties;

    DemoAccounts(StaffManagement staff, VangnetProperties properties) {
        this.staff = staff;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo()) {
            return;
        }
        for (Demo demo : ACCOUNTS) {
            if (staff.account(demo.username()).isPresent()) {
                continue;
            }
            Organisation organisation = staff.organisations().stream()
                    .filter(o -> o.name().equals(demo.organisation()))
                    .findFirst()
                    .orElseGet(() -> staff.createOrganisation("system", demo.organisation(), demo.kind()));
            staff.createAccountWithPassword(
                    "system",
                    demo.username(),
                    demo.displayName(),
                    organisation.id(),
                    Set.of(demo.role()),
                    demo.password(),
                    false);
        }
        log.warn("DEMO MODE: synthetic organisations and accounts with public passwords are active. "
                + "Never use demo mode with real data.");
    }
}
