package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.vangnet.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;

/**
 * Safety steps on every route to a plan, generated over answer combinations rather than a few
 * examples. A route is the list of questions answered or skipped on the way to the plan: all
 * questions, the urgent shortcut ("straight to my plan" after the first question), any question
 * skipped, and answers changed on the way back. The safety-relevant questions (happening now,
 * what happened with up to two acts, the demand, age, who, the other person's age) are
 * enumerated exhaustively, the others drawn from a seeded generator; every plan is checked
 * against {@link SafetyStepOracle}.
 */
class SafetyStepsTests {

    private static final long SEED = 20_261_212L;
    private final CodingRules rules = new CodingRules(new Taxonomies());

    private List<String> steps(IntakeAnswers answers) {
        return HelpPlanner.steps(answers, rules.suggest(answers));
    }

    private static List<List<String>> skipOrEach(Question q) {
        List<List<String>> values = new ArrayList<>();
        values.add(List.of());
        q.options().forEach(o -> values.add(List.of(o)));
        return values;
    }

    /** Every set of at most two acts (and "skipped"): singles, pairs. */
    private static List<List<String>> acts() {
        List<String> options = Question.WHAT.options();
        List<List<String>> values = new ArrayList<>();
        values.add(List.of());
        for (int i = 0; i < options.size(); i++) {
            values.add(List.of(options.get(i)));
            for (int j = i + 1; j < options.size(); j++) {
                values.add(List.of(options.get(i), options.get(j)));
            }
        }
        return values;
    }

    private static List<List<String>> demands(List<String> what) {
        if (!what.contains("threatened")) {
            return List.of(List.of());
        }
        List<List<String>> values = skipOrEach(Question.DEMAND);
        values.add(List.of("money", "images"));
        return values;
    }

    private static List<String> some(Random random, Question q) {
        List<String> values = new ArrayList<>();
        for (String option : q.options()) {
            if (random.nextInt(q.multiple() ? 4 : q.options().size() + 1) == 0) {
                values.add(option);
                if (!q.multiple()) {
                    break;
                }
            }
        }
        return AnswerRules.options(q, values).isEmpty() ? values : List.of();
    }

    private static IntakeAnswers answer(IntakeAnswers a, Question q, List<String> values) {
        return q == Question.THEIR_AGE && !a.mayBeMinor() ? a : a.with(q, values);
    }

    @Test
    void everyCombinationOfAnswersGetsTheSafetyStepsItCallsFor() {
        Random random = new Random(SEED);
        int plans = 0;
        Set<String> seen = new TreeSet<>();
        for (List<String> now : skipOrEach(Question.NOW)) {
            for (List<String> what : acts()) {
                for (List<String> demand : demands(what)) {
                    for (List<String> age : skipOrEach(Question.AGE)) {
                        for (List<String> who : skipOrEach(Question.WHO)) {
                            for (List<String> theirAge : skipOrEach(Question.THEIR_AGE)) {
                                if (!theirAge.isEmpty()
                                        && age.size() == 1
                                        && !age.getFirst().matches("under-12|12-15|16-17")) {
                                    continue; // not asked of adults: the same plan as "skipped"
                                }
                                IntakeAnswers a = IntakeAnswers.EMPTY;
                                a = a.with(Question.NOW, now);
                                a = a.with(Question.WHAT, what);
                                a = a.with(Question.DEMAND, demand);
                                a = a.with(Question.IMAGES, some(random, Question.IMAGES));
                                a = a.with(Question.AGE, age);
                                a = a.with(Question.WHO, who);
                                a = answer(a, Question.THEIR_AGE, theirAge);
                                a = a.with(Question.NEED, some(random, Question.NEED));
                                List<String> steps = steps(a);
                                assertThat(SafetyStepOracle.violations(a, steps))
                                        .as("%s gives %s", a, steps)
                                        .isEmpty();
                                seen.addAll(steps);
                                plans++;
                            }
                        }
                    }
                }
            }
        }
        // The enumeration really reached every step (so no rule was checked only vacuously).
        assertThat(seen).containsAll(stepKeys());
        assertThat(plans).isEqualTo(191_840);
    }

    @Test
    void theUrgentShortcutToThePlanKeepsTheStepsOfTheFirstAnswer() {
        // "Straight to my help plan" after the first question: nothing else is known.
        for (String now : Question.NOW.options()) {
            IntakeAnswers a = IntakeAnswers.EMPTY.with(Question.NOW, List.of(now));
            List<String> steps = steps(a);
            assertThat(SafetyStepOracle.violations(a, steps)).as(now).isEmpty();
            if (a.urgent()) {
                assertThat(steps).as(now).contains("no-pay", "stop-contact", "evidence", "police", "crisis");
            }
        }
    }

    /** Random routes: questions in order, each answered or skipped, sometimes going back to change an answer. */
    @Test
    void randomRoutesWithSkippedAndChangedAnswersStaySafeAtEveryPoint() {
        Random random = new Random(SEED + 1);
        for (int route = 0; route < 3000; route++) {
            IntakeAnswers a = IntakeAnswers.EMPTY;
            for (Question q : Question.values()) {
                if (!Question.applicable(a).contains(q)) {
                    continue;
                }
                a = a.with(q, random.nextInt(3) == 0 ? List.of() : some(random, q));
                // The plan can be opened at any point ("straight to my plan", a bookmark).
                assertThat(SafetyStepOracle.violations(a, steps(a)))
                        .as(a.toString())
                        .isEmpty();
            }
            if (random.nextBoolean()) {
                // Going back and changing what happened drops a demand that no longer applies.
                a = a.with(Question.WHAT, some(random, Question.WHAT));
                assertThat(SafetyStepOracle.violations(a, steps(a)))
                        .as(a.toString())
                        .isEmpty();
                if (!a.happened().contains("threatened")) {
                    assertThat(a.demand()).isEmpty();
                }
            }
        }
    }

    @Test
    void everyStepHasWordsInDutchAndEnglish() throws IOException {
        for (String bundle : List.of("i18n/intake.properties", "i18n/intake_en.properties")) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String step : stepKeys()) {
                assertThat(messages.getProperty("intake.step." + step))
                        .as(bundle + " " + step)
                        .isNotBlank();
            }
        }
    }

    private static List<String> stepKeys() {
        return List.of(
                "danger",
                "no-pay",
                "no-send",
                "no-meet",
                "stop-contact",
                "evidence",
                "block-report",
                "report-platform",
                "removal-help",
                "hash-minor",
                "hash-adult",
                "hash-either",
                "secret-ok",
                "trusted-adult",
                "safety-home",
                "police",
                "rights",
                "talk",
                "crisis",
                "danger-later");
    }
}
