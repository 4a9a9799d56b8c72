package nl.vangnet.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.vangnet.directory.HelpDirectory;
import nl.vangnet.directory.HelpNeed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the help plan for a coded situation, an age and the stated needs. The steps follow the
 * first-aid advice in domain-facts (do not pay or send more, stop contact but keep the
 * conversation, save evidence, 112 in danger; removal through the platform and a hotline;
 * hashing on your own device with the service that fits your age; for children: do not meet, it
 * is fine to tell even when asked to keep it secret, tell a trusted adult), and they depend only
 * on the answers given so far, so every route to a plan (all questions, the urgent shortcut,
 * skipped questions, the API) gets the safety steps its answers call for (docs/adr/0036). The
 * organisations come from the directory's referral rules.
 */
@Component
class HelpPlanner {

    static final int MAX_ORGANISATIONS = 5;

    private final HelpDirectory directory;

    HelpPlanner(HelpDirectory directory) {
        this.directory = directory;
    }

    HelpPlan plan(IntakeAnswers answers, SuggestedCoding coding) {
        List<HelpDirectory.Match> organisations = directory.rank(query(answers, coding), MAX_ORGANISATIONS);
        return new HelpPlan(answers.urgent(), steps(answers, coding), organisations, directory.now());
    }

    static HelpDirectory.HelpQuery query(IntakeAnswers answers, SuggestedCoding coding) {
        Set<HelpNeed> needs = new LinkedHashSet<>();
        for (String need : answers.needs()) {
            HelpNeed.of(need).ifPresent(needs::add);
        }
        int[] ages = ages(answers.ageBand());
        String relation =
                answers.otherPerson() == null || answers.otherPerson().equals("unknown") ? null : answers.otherPerson();
        return new HelpDirectory.HelpQuery(
                needs,
                coding.allCodes(),
                ages == null ? null : ages[0],
                ages == null ? null : ages[1],
                relation,
                "danger".equals(answers.happeningNow()),
                CodingRules.offenceAgainstMinor(answers, coding.allCodes()));
    }

    /**
     * The ages of a band as the directory's age limits read them. "Under 12" counts from 8: the
     * youngest children's services start there, and a child who uses the portal alone is rarely
     * younger; "25 or older" runs to 120.
     */
    static int @Nullable [] ages(@Nullable String band) {
        if (band == null) {
            return null;
        }
        return switch (band) {
            case "under-12" -> new int[] {8, 11};
            case "12-15" -> new int[] {12, 15};
            case "16-17" -> new int[] {16, 17};
            case "18-24" -> new int[] {18, 24};
            case "25-plus" -> new int[] {25, 120};
            default -> null;
        };
    }

    /** What happened is not known yet: nothing ticked, or only "something else". */
    static boolean noActKnown(IntakeAnswers answers) {
        return answers.happened().stream().allMatch("other"::equals);
    }

    /**
     * Someone may be threatening or extorting the person: a threat code, or threats "still going
     * on" (the answer's own example is threats and extortion) or danger now while what happened
     * is not told yet, as on the urgent shortcut to the plan.
     */
    static boolean threatPossible(IntakeAnswers answers, List<String> codes) {
        return codes.stream().anyMatch(c -> c.startsWith("SXT-") || c.equals("IBA-THR"))
                || (answers.urgent() && noActKnown(answers));
    }

    static List<String> steps(IntakeAnswers answers, SuggestedCoding coding) {
        List<String> steps = new ArrayList<>();
        List<String> codes = coding.allCodes();
        Set<String> happened = answers.happened();
        boolean threat = threatPossible(answers, codes);
        boolean grooming = codes.contains("GRM") || codes.contains("SXC");
        boolean contact = grooming
                || codes.contains("OSI-SOLICIT")
                || codes.contains("OSI-HAR")
                || codes.contains("OSI-FLASH")
                || codes.contains("LIVE")
                || happened.stream().anyMatch(CodingRules.CONTACT_BUILDING::contains);
        boolean asksForImages = happened.contains("asking")
                || codes.contains("OSI-SOLICIT")
                || codes.contains("GRM")
                || codes.contains("LIVE");
        boolean meeting = happened.contains("meet") || answers.demand().contains("meeting") || grooming;
        boolean secret = happened.contains("secret") || grooming;
        boolean images = codes.stream().anyMatch(c -> c.startsWith("IBA-") || c.startsWith("SXT-") || c.equals("LIVE"))
                || "yes".equals(answers.imagesOnline());
        int[] ages = ages(answers.ageBand());
        boolean minor = ages != null && ages[1] < 18;
        boolean adult = ages != null && ages[0] >= 18;

        if ("danger".equals(answers.happeningNow())) {
            steps.add("danger");
        }
        if (threat) {
            steps.add("no-pay");
        } else if (asksForImages) {
            steps.add("no-send");
        }
        if (meeting) {
            steps.add("no-meet");
        }
        if (threat || contact || answers.urgent()) {
            steps.add("stop-contact");
        }
        steps.add("evidence");
        if (contact) {
            steps.add("block-report");
        }
        if (images) {
            steps.add("report-platform");
            steps.add("removal-help");
            if (minor) {
                steps.add("hash-minor");
            } else if (adult) {
                steps.add("hash-adult");
            } else {
                steps.add("hash-either");
            }
        }
        if (secret) {
            steps.add("secret-ok");
        }
        if (minor || grooming) {
            steps.add("trusted-adult");
        }
        if ("family".equals(answers.otherPerson()) || "partner-or-ex".equals(answers.otherPerson())) {
            steps.add("safety-home");
        }
        if (answers.needs().contains("report-police") || threat || CodingRules.offenceAgainstMinor(answers, codes)) {
            steps.add("police");
        }
        if (answers.needs().contains("know-rights")) {
            steps.add("rights");
        }
        if (answers.needs().contains("talk")
                || answers.needs().isEmpty()
                || answers.needs().contains("not-sure")) {
            steps.add("talk");
        }
        steps.add("crisis");
        if (!"danger".equals(answers.happeningNow())) {
            steps.add("danger-later");
        }
        return steps;
    }
}
