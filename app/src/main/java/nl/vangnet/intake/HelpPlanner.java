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
 * first-aid advice in domain-facts (do not pay, stop contact but keep the conversation, save
 * evidence, 112 in danger; removal through the platform and a hotline; hashing on your own
 * device with the service that fits your age); the organisations come from the directory's
 * referral rules.
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
                needs, coding.allCodes(), ages == null ? null : ages[0], ages == null ? null : ages[1], relation);
    }

    static int @Nullable [] ages(@Nullable String band) {
        if (band == null) {
            return null;
        }
        return switch (band) {
            case "under-12" -> new int[] {0, 11};
            case "12-15" -> new int[] {12, 15};
            case "16-17" -> new int[] {16, 17};
            case "18-24" -> new int[] {18, 24};
            case "25-plus" -> new int[] {25, 120};
            default -> null;
        };
    }

    static List<String> steps(IntakeAnswers answers, SuggestedCoding coding) {
        List<String> steps = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>(coding.allCodes());
        boolean threat = codes.stream().anyMatch(c -> c.startsWith("SXT-") || c.equals("IBA-THR"));
        boolean contact = codes.contains("GRM")
                || codes.contains("SXC")
                || codes.contains("OSI-SOLICIT")
                || codes.contains("OSI-HAR")
                || codes.contains("OSI-FLASH")
                || codes.contains("LIVE");
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
        if (minor) {
            steps.add("trusted-adult");
        }
        if ("family".equals(answers.otherPerson()) || "partner-or-ex".equals(answers.otherPerson())) {
            steps.add("safety-home");
        }
        if (answers.needs().contains("report-police") || threat) {
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
        if (!"danger".equals(answers.happeningNow())) {
            steps.add("danger-later");
        }
        return steps;
    }
}
