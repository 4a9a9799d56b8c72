package nl.vangnet.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;

/** Creates a staff account with a known password and logs it in through the real login form. */
public final class StaffAccountsForTests {

    public static final String PASSWORD = "een lange testzin voor de browser";

    private StaffAccountsForTests() {}

    public static String create(StaffManagement staff, OrganisationKind kind, Role... roles) {
        Organisation organisation = staff.createOrganisation("test", "Organisatie " + System.nanoTime(), kind);
        String username = "user" + Long.toString(System.nanoTime() % 10_000_000, 36);
        StaffManagement.NewAccount created =
                staff.createAccount("test", username, "Test Medewerker", organisation.id(), Set.of(roles));
        staff.changeOwnPassword(username, created.oneTimePassword(), PASSWORD, PASSWORD);
        return username;
    }

    /** Logs in on a page whose language is Dutch or English. */
    public static void logIn(Page page, String base, String username) {
        page.navigate(base + "/staff/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.locator("form.form button[type=submit]").click();
        page.waitForURL(base + "/staff");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                .waitFor();
    }
}
