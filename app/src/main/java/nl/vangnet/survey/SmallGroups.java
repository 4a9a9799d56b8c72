package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cell suppression for the research exports, so a small school, class or subgroup cannot single
 * out a respondent. The link label, age group and language of each response are quasi-identifiers:
 *
 * <ol>
 *   <li>a link label with fewer than {@link #K} responses in the export is replaced by {@link
 *       #SUPPRESSED_LABEL};
 *   <li>then, for every group of rows with the same (label, age group, language) that still has
 *       fewer than {@link #K} rows, the age group is replaced by {@link #SUPPRESSED_CODE}; if that
 *       suppresses fewer than K rows of a (label, language) stratum, more rows of that stratum
 *       lose their age group (secondary suppression), because with two age groups a lone -7 among
 *       16+ rows would still reveal "under 16".
 * </ol>
 *
 * The second step covers small (age group, language) combinations over the whole export too: such
 * a combination is smaller than K within every label. Language is never suppressed; rows that are
 * still in a group smaller than K afterwards (a (label, language) stratum smaller than K) are
 * counted, so the researcher can see it.
 */
final class SmallGroups {

    /** The smallest group that may appear in an export. */
    static final int K = 5;

    /** What a suppressed link label becomes in the CSV. */
    static final String SUPPRESSED_LABEL = "-7";

    /** What a suppressed age group becomes in the CSV. */
    static final int SUPPRESSED_CODE = -7;

    /** The number a batch of links gets after its label ("Klas 4B #3"): it points at one pupil's link. */
    private static final Pattern LINK_NUMBER = Pattern.compile("\\s+#\\d+$");

    private SmallGroups() {}

    /** The quasi-identifiers of one response as they go into the export. */
    record Row(String label, int ageGroup, String language) {}

    /**
     * What suppression did.
     *
     * @param responses rows in the export
     * @param labelsSuppressed distinct link labels replaced
     * @param labelCells rows whose link label was replaced
     * @param ageCells rows whose age group was replaced
     * @param stillSmall rows that remain in a (label, age group, language) group smaller than K
     */
    record Summary(int responses, int labelsSuppressed, int labelCells, int ageCells, int stillSmall) {

        boolean anySuppressed() {
            return labelCells > 0 || ageCells > 0;
        }
    }

    record Result<I>(Map<I, Row> rows, Summary summary) {}

    /**
     * The label as exported: without the sequence number of a batch of links, which identifies the
     * link handed to one person rather than the school or class.
     */
    static String exportLabel(String label) {
        return LINK_NUMBER.matcher(label.strip()).replaceAll("");
    }

    /** Applies both suppression steps; the result keeps the order of {@code rows}. */
    static <I> Result<I> apply(Map<I, Row> rows) {
        Map<String, Integer> perLabel = new HashMap<>();
        rows.values().forEach(r -> perLabel.merge(r.label(), 1, Integer::sum));
        Set<String> smallLabels = perLabel.entrySet().stream()
                .filter(e -> e.getValue() < K)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        Map<I, Row> afterLabels = new LinkedHashMap<>();
        int labelCells = 0;
        for (Map.Entry<I, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            if (smallLabels.contains(r.label())) {
                labelCells++;
                r = new Row(SUPPRESSED_LABEL, r.ageGroup(), r.language());
            }
            afterLabels.put(e.getKey(), r);
        }

        Set<I> ageSuppressed = new HashSet<>();
        for (Map<Integer, List<I>> stratum : strata(afterLabels).values()) {
            ageSuppressed.addAll(ageGroupsToSuppress(stratum));
        }
        Map<I, Row> result = new LinkedHashMap<>();
        for (Map.Entry<I, Row> e : afterLabels.entrySet()) {
            Row r = e.getValue();
            if (ageSuppressed.contains(e.getKey())) {
                r = new Row(r.label(), SUPPRESSED_CODE, r.language());
            }
            result.put(e.getKey(), r);
        }
        int ageCells = ageSuppressed.size();

        Map<Row, Integer> finalGroups = counts(result);
        int stillSmall = (int)
                result.values().stream().filter(r -> finalGroups.get(r) < K).count();
        return new Result<>(result, new Summary(rows.size(), smallLabels.size(), labelCells, ageCells, stillSmall));
    }

    /** The keys of each (label, language) stratum, by age group, in the order of the rows. */
    private static <I> Map<List<String>, Map<Integer, List<I>>> strata(Map<I, Row> rows) {
        Map<List<String>, Map<Integer, List<I>>> strata = new LinkedHashMap<>();
        rows.forEach((key, r) -> strata.computeIfAbsent(List.of(r.label(), r.language()), s -> new TreeMap<>())
                .computeIfAbsent(r.ageGroup(), a -> new ArrayList<>())
                .add(key));
        return strata;
    }

    /**
     * Within one (label, language) stratum: every age group with fewer than K rows, and then, while
     * fewer than K rows are suppressed, rows of the largest remaining age groups (secondary
     * suppression), so the suppressed rows cannot be told apart by elimination. A remaining age
     * group is either left with at least K rows or suppressed entirely.
     */
    private static <I> List<I> ageGroupsToSuppress(Map<Integer, List<I>> byAge) {
        List<I> suppress = new ArrayList<>();
        List<List<I>> large = new ArrayList<>();
        for (List<I> cell : byAge.values()) {
            if (cell.size() < K) {
                suppress.addAll(cell);
            } else {
                large.add(cell);
            }
        }
        if (suppress.isEmpty()) {
            return suppress;
        }
        large.sort(Comparator.comparingInt((List<I> cell) -> cell.size()).reversed());
        for (List<I> cell : large) {
            int need = K - suppress.size();
            if (need <= 0) {
                break;
            }
            if (cell.size() - need >= K) {
                suppress.addAll(cell.subList(cell.size() - need, cell.size()));
            } else {
                suppress.addAll(cell);
            }
        }
        return suppress;
    }

    private static Map<Row, Integer> counts(Map<?, Row> rows) {
        Map<Row, Integer> counts = new HashMap<>();
        rows.values().forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }
}
