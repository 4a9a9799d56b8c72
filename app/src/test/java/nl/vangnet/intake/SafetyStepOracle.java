package nl.vangnet.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the safety advice (domain-facts 3, Helpwanted's first aid) requires of a plan, written
 * from the answers alone and independently of {@link HelpPlanner}: the generated tests compare
 * every plan against it. Returns every rule the steps break, in words; empty means the plan is
 * safe for these answers.
 */
final class SafetyStepOracle {

    private SafetyStepOracle() {}

    static List<String> violations(IntakeAnswers a, List<String> steps) {
        List<String> wrong = new ArrayList<>();
        Set<String> happened = a.happened();
        boolean minor = a.minor();
        boolean adult = "18-24".equals(a.ageBand()) || "25-plus".equals(a.ageBand());
        boolean danger = "danger".equals(a.happeningNow());
        boolean urgent = danger || "ongoing".equals(a.happeningNow());
        boolean nothingToldYet = happened.stream().allMatch("other"::equals);
        List<String> codes = CodingRules.codes(a);
        boolean grooming = codes.contains("GRM") || codes.contains("SXC");

        if (new HashSet<>(steps).size() != steps.size()) {
            wrong.add("a step appears twice");
        }
        for (String always : List.of("evidence", "crisis")) {
            if (!steps.contains(always)) {
                wrong.add("every plan says " + always);
            }
        }
        if (danger != steps.contains("danger") || danger == steps.contains("danger-later")) {
            wrong.add("112 now in danger, 112 later otherwise");
        }
        if (danger && !steps.getFirst().equals("danger")) {
            wrong.add("in danger, 112 comes first");
        }
        boolean threat = happened.contains("threatened") || (urgent && nothingToldYet);
        if (threat && !before(steps, "no-pay", "evidence")) {
            wrong.add("a threat (or threats still going on, nothing else told) needs 'do not pay, send nothing' first");
        }
        if (happened.contains("asking") && !steps.contains("no-pay") && !steps.contains("no-send")) {
            wrong.add("someone asks for photos: do not send any");
        }
        if ((happened.contains("meet") || a.demand().contains("meeting")) && !steps.contains("no-meet")) {
            wrong.add("someone wants to meet: do not meet");
        }
        if (happened.contains("secret") && !steps.contains("secret-ok")) {
            wrong.add("someone asks for secrecy: it is fine to tell");
        }
        if ((minor || grooming) && !steps.contains("trusted-adult")) {
            wrong.add("a child is told to tell a trusted adult");
        }
        boolean contact = happened.stream()
                .anyMatch(x -> List.of(
                                "asking", "flattery", "private-chat", "secret", "meet", "remarks", "received", "camera")
                        .contains(x));
        if ((threat || contact || urgent) && !steps.contains("stop-contact")) {
            wrong.add("stop contact (and keep the conversation)");
        }
        if (contact && !steps.contains("block-report")) {
            wrong.add("report and block the account");
        }
        boolean images = happened.stream()
                        .anyMatch(x -> List.of("shared", "fake", "recorded", "camera", "threatened")
                                .contains(x))
                || "yes".equals(a.imagesOnline());
        if (images && !steps.containsAll(List.of("report-platform", "removal-help"))) {
            wrong.add("images: report them and get removal help");
        }
        if (minor && (steps.contains("hash-adult") || steps.contains("hash-either"))) {
            wrong.add("a minor's images go to the minors' bank only");
        }
        if (adult && (steps.contains("hash-minor") || steps.contains("hash-either"))) {
            wrong.add("an adult's images go to the adults' bank (the images page lets them choose otherwise)");
        }
        if (images && minor != steps.contains("hash-minor")) {
            wrong.add("images of a minor: Take It Down");
        }
        boolean offenceAgainstMinor = grooming
                || (minor
                        && happened.stream()
                                .anyMatch(x -> List.of("shared", "fake", "recorded", "camera", "threatened")
                                        .contains(x)));
        if ((offenceAgainstMinor || threat || a.needs().contains("report-police")) && !steps.contains("police")) {
            wrong.add("the police route (with the informative talk)");
        }
        boolean home = "family".equals(a.otherPerson()) || "partner-or-ex".equals(a.otherPerson());
        if (home != steps.contains("safety-home")) {
            wrong.add("safety at home exactly when family or a partner is involved");
        }
        return wrong;
    }

    private static boolean before(List<String> steps, String first, String then) {
        int i = steps.indexOf(first);
        return i >= 0 && i < steps.indexOf(then);
    }
}
