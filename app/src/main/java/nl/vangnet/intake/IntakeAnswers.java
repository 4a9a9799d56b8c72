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
        Set<String> needs,
        Set<String> barriers,
        Set<String> told,
        Set<String> visited)
        implements Serializable {

    public static final IntakeAnswers EMPTY = new IntakeAnswers(
            null, Set.of(), Set.of(), null, List.of(), Set.of(), null, null, Set.of(), Set.of(), Set.of(), Set.of());

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

    private static Set<String> copy(Set<String> values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** True when threats are still going on or the person says they are in danger. */
    public boolean urgent() {
        return "ongoing".equals(happeningNow) || "danger".equals(happeningNow);
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
        IntakeAnswers a = new IntakeAnswers(
                happeningNow,
                happened,
                demand,
                imagesOnline,
                urls,
                platforms,
                ageBand,
                otherPerson,
                needs,
                barriers,
                told,
                seen);
        return switch (question) {
            case NOW ->
                new IntakeAnswers(
                        single,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case WHAT ->
                new IntakeAnswers(
                        a.happeningNow,
                        set,
                        set.contains("threatened") ? a.demand : Set.of(),
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case DEMAND ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        set,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case IMAGES ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        single,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case PLATFORMS ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        set,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case AGE ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        single,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case WHO ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        single,
                        a.needs,
                        a.barriers,
                        a.told,
                        a.visited);
            case NEED ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        set,
                        a.barriers,
                        a.told,
                        a.visited);
            case BARRIERS ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        set,
                        a.told,
                        a.visited);
            case TOLD ->
                new IntakeAnswers(
                        a.happeningNow,
                        a.happened,
                        a.demand,
                        a.imagesOnline,
                        a.urls,
                        a.platforms,
                        a.ageBand,
                        a.otherPerson,
                        a.needs,
                        a.barriers,
                        set,
                        a.visited);
        };
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
                needs,
                barriers,
                told,
                visited);
    }
}
