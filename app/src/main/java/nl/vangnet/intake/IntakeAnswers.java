package nl.vangnet.intake;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the person answered so far, as option codes (and the web addresses they gave, the only
 * free text among the questions). Immutable; a new instance per answer. Kept in the server-side
 * session while the questions are answered, never in the page, so nothing sensitive stays in the
 * browser's form history or back-button cache on a shared device.
 */
public record IntakeAnswers(
        @Nullable String happeningNow,
        Set<String> happened,
        Set<String> demand,
        @Nullable String imagesOnline,
        List<String> urls,
        Set<String> platforms,
        @Nullable String ageBand,
        @Nullable String otherPerson,
        @Nullable String otherPersonAge,
        Set<String> needs,
        Set<String> barriers,
        Set<String> told,
        Set<String> visited)
        implements Serializable {

    public static final IntakeAnswers EMPTY = new IntakeAnswers(
            null, Set.of(), Set.of(), null, List.of(), Set.of(), null, null, null, Set.of(), Set.of(), Set.of(),
            Set.of());

    public IntakeAnswers {
        happened = copy(happened);
        demand = copy(demand);
        urls = List.copyOf(urls);
        platforms = copy(platforms);
        needs = copy(needs);
        barriers = copy(barriers);
        told = copy(told);
        visited = copy(visited);
    }

    /** Answers without the other person's age (asked only of someone who may be a child). */
    public IntakeAnswers(
            @Nullable String happeningNow,
            Set<String> happened,
            Set<String> demand,
            @Nullable String imagesOnline,
            List<String> urls,
            Set<String> platforms,
            @Nullable String ageBand,
            @Nullable String otherPerson,
            Set<String> needs,
            Set<String> barriers,
            Set<String> told,
            Set<String> visited) {
        this(
                happeningNow,
                happened,
                demand,
                imagesOnline,
                urls,
                platforms,
                ageBand,
                otherPerson,
                null,
                needs,
                barriers,
                told,
                visited);
    }

    private static Set<String> copy(Set<String> values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** True when threats are still going on or the person says they are in danger. */
    public boolean urgent() {
        return "ongoing".equals(happeningNow) || "danger".equals(happeningNow);
    }

    /** The age band says the person is under 18. */
    public boolean minor() {
        return "under-12".equals(ageBand) || "12-15".equals(ageBand) || "16-17".equals(ageBand);
    }

    /** The person may be a child: under 18, or the age was not given. */
    public boolean mayBeMinor() {
        return ageBand == null || minor();
    }

    /** The coded values given for one question (empty when skipped or not reached). */
    List<String> values(Question question) {
        return switch (question) {
            case NOW -> happeningNow == null ? List.of() : List.of(happeningNow);
            case WHAT -> List.copyOf(happened);
            case DEMAND -> List.copyOf(demand);
            case IMAGES -> imagesOnline == null ? List.of() : List.of(imagesOnline);
            case PLATFORMS -> List.copyOf(platforms);
            case AGE -> ageBand == null ? List.of() : List.of(ageBand);
            case WHO -> otherPerson == null ? List.of() : List.of(otherPerson);
            case THEIR_AGE -> otherPersonAge == null ? List.of() : List.of(otherPersonAge);
            case NEED -> List.copyOf(needs);
            case BARRIERS -> List.copyOf(barriers);
            case TOLD -> List.copyOf(told);
        };
    }

    /** These answers with one question answered (or skipped, with no values), already validated. */
    IntakeAnswers with(Question question, List<String> values) {
        Set<String> set = new LinkedHashSet<>(values);
        String single = values.isEmpty() ? null : values.getFirst();
        Set<String> seen = new LinkedHashSet<>(visited);
        seen.add(question.slug());
        String now = happeningNow;
        String images = imagesOnline;
        String age = ageBand;
        String who = otherPerson;
        String theirAge = otherPersonAge;
        Set<String> what = happened;
        Set<String> asked = demand;
        Set<String> where = platforms;
        Set<String> wanted = needs;
        Set<String> holding = barriers;
        Set<String> toldWho = told;
        switch (question) {
            case NOW -> now = single;
            case WHAT -> {
                what = set;
                // A demand only follows a threat: changing "what happened" drops a stale demand.
                if (!set.contains("threatened")) {
                    asked = Set.of();
                }
            }
            case DEMAND -> asked = set;
            case IMAGES -> images = single;
            case PLATFORMS -> where = set;
            case AGE -> {
                age = single;
                // The other person's age is asked only of someone who may be a child.
                if (single != null
                        && !single.equals("under-12")
                        && !single.equals("12-15")
                        && !single.equals("16-17")) {
                    theirAge = null;
                }
            }
            case WHO -> who = single;
            case THEIR_AGE -> theirAge = single;
            case NEED -> wanted = set;
            case BARRIERS -> holding = set;
            case TOLD -> toldWho = set;
        }
        return new IntakeAnswers(
                now, what, asked, images, urls, where, age, who, theirAge, wanted, holding, toldWho, seen);
    }

    IntakeAnswers withUrls(List<String> newUrls) {
        return new IntakeAnswers(
                happeningNow,
                happened,
                demand,
                imagesOnline,
                newUrls,
                platforms,
                ageBand,
                otherPerson,
                otherPersonAge,
                needs,
                barriers,
                told,
                visited);
    }
}
