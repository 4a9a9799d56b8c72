package nl.vangnet.cases;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.Role;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.HelpRequestId;
import nl.vangnet.intake.IntakeAnswers;
import nl.vangnet.intake.IntakeManagement;

/** Synthetic organisations, accounts and help requests for case tests, made through the real facades. */
public final class CaseFixtures {

    public static final String PASSWORD = "een lange testzin voor dossiers";

    private CaseFixtures() {}

    public static Organisation organisation(StaffManagement staff, String name, OrganisationKind kind) {
        return staff.organisations().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseGet(() -> staff.createOrganisation("test", name, kind));
    }

    /** An account with {@link #PASSWORD}, ready to log in (its one-time password already changed). */
    public static String account(StaffManagement staff, String username, Organisation organisation, Role... roles) {
        StaffManagement.NewAccount created =
                staff.createAccount("test", username, "Test " + username, organisation.id(), Set.of(roles));
        staff.changeOwnPassword(username, created.oneTimePassword(), PASSWORD, PASSWORD);
        return username;
    }

    /** A synthetic sextortion help request asking for a professional, shared with the given directory entries. */
    public static IntakeManagement.Submission helpRequest(
            IntakeManagement intake, String contact, String... shareWith) {
        IntakeAnswers answers = new IntakeAnswers(
                "ongoing",
                Set.of("threatened"),
                Set.of("money"),
                "yes",
                List.of(),
                Set.of("instagram"),
                "16-17",
                "online-only-contact",
                Set.of("stop-threats", "remove-images"),
                Set.of("shame"),
                Set.of("nobody"),
                Set.of());
        return intake.submit(
                answers,
                new IntakeManagement.SaveChoices(true, contact, List.of(shareWith), ""),
                IntakeManagement.Source.WEB,
                Locale.forLanguageTag("nl"));
    }

    public static HelpRequestId id(IntakeManagement.Submission submission) {
        return submission.id();
    }

    /** Polls until the value is present (event listeners run after the commit, on another thread). */
    public static <T> T eventually(Supplier<java.util.Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Nothing arrived within 15 seconds");
    }

    /** Waits until the condition holds. */
    public static void until(Supplier<Boolean> condition) {
        eventually(() -> condition.get() ? java.util.Optional.of(true) : java.util.Optional.empty());
    }
}
