package nl.vangnet.takedown;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.vangnet.cases.CaseChannel;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.cases.Viewer;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffAccount;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeAnswers;
import nl.vangnet.intake.IntakeManagement;

/**
 * A hotline organisation with one caseworker who can log in, made through the real facades, and
 * the cases and help requests takedown tests attach requests to. All synthetic.
 */
record TakedownStaff(Organisation organisation, String username, Actor actor) {

    static final String PASSWORD = "een lange zin om in te loggen";

    static TakedownStaff hotline(StaffManagement staff, String name) {
        Organisation organisation =
                staff.createOrganisation("admin", name + " " + System.nanoTime(), OrganisationKind.HOTLINE);
        String username = "mia" + (System.nanoTime() % 1_000_000);
        StaffManagement.NewAccount created =
                staff.createAccount("admin", username, "Mia Test", organisation.id(), Set.of(Role.HOTLINE));
        staff.changeOwnPassword(username, created.oneTimePassword(), PASSWORD, PASSWORD);
        StaffAccount account = created.account();
        Viewer viewer =
                new Viewer(account.id(), username, account.displayName(), organisation.id(), Set.of(Role.HOTLINE));
        return new TakedownStaff(
                organisation, username, new Actor(username, organisation.id().value(), viewer));
    }

    Viewer viewer() {
        return actor.viewer();
    }

    /** A case opened by this caseworker after a phone call. */
    CaseSummary phoneCase(CaseManagement cases) {
        var id = cases.create(
                viewer(), new CaseManagement.NewCaseForm(CaseChannel.PHONE, false, false, true, null, null, null));
        return cases.owned(viewer(), id);
    }

    /**
     * A synthetic help request for professional help about a nude shared without consent, with the
     * links the victim gives and whether they ask to get the images removed.
     */
    static IntakeManagement.Submission helpRequest(IntakeManagement intake, List<String> urls, boolean removal) {
        IntakeAnswers answers = new IntakeAnswers(
                "stopped",
                Set.of("shared"),
                Set.of("nothing"),
                "yes",
                urls,
                Set.of("other"),
                "18-24",
                "partner-or-ex",
                removal ? Set.of("remove-images", "talk") : Set.of("talk"),
                Set.of(),
                Set.of("nobody"),
                Set.of());
        return intake.submit(
                answers,
                new IntakeManagement.SaveChoices(true, "", List.of(), ""),
                IntakeManagement.Source.WEB,
                Locale.forLanguageTag("nl"));
    }
}
