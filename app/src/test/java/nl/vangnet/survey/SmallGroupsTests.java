package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cell-suppression rules of the research exports. */
class SmallGroupsTests {

    private final Map<Integer, SmallGroups.Row> rows = new LinkedHashMap<>();

    private void add(int count, String label, int ageGroup, String language) {
        for (int i = 0; i < count; i++) {
            rows.put(rows.size(), new SmallGroups.Row(label, ageGroup, language));
        }
    }

    private static long count(Map<Integer, SmallGroups.Row> result, SmallGroups.Row row) {
        return result.values().stream().filter(row::equals).count();
    }

    @Test
    void aLabelWithFewerThanFiveResponsesIsSuppressedAndOneWithFiveIsKept() {
        add(5, "Klas 4B", 2, "nl");
        add(4, "Klas 4C", 2, "nl");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        assertThat(count(result.rows(), new SmallGroups.Row("Klas 4B", 2, "nl")))
                .isEqualTo(5);
        assertThat(result.rows().values()).noneMatch(r -> r.label().equals("Klas 4C"));
        assertThat(result.summary().labelsSuppressed()).isEqualTo(1);
        assertThat(result.summary().labelCells()).isEqualTo(4);
        assertThat(result.summary().responses()).isEqualTo(9);
    }

    @Test
    void suppressedLabelsFormOneGroupSoTheirAgeGroupsCanStay() {
        add(3, "Klas 1", 2, "nl");
        add(3, "Klas 2", 2, "nl");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        // Together the two small classes are six respondents of 16+ answering in Dutch: k is met.
        assertThat(count(result.rows(), new SmallGroups.Row(SmallGroups.SUPPRESSED_LABEL, 2, "nl")))
                .isEqualTo(6);
        assertThat(result.summary().ageCells()).isZero();
        assertThat(result.summary().labelCells()).isEqualTo(6);
        assertThat(result.summary().labelsSuppressed()).isEqualTo(2);
        assertThat(result.summary().stillSmall()).isZero();
    }

    @Test
    void aSmallAgeGroupInsideALargeClassIsSuppressedWithEnoughOthersToHideIt() {
        add(20, "School A", 2, "nl");
        add(2, "School A", 1, "nl");
        add(5, "School A", 1, "en");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        // Two under-16s lose their age group, and three of the 16+ too, so the five -7 rows hide them.
        assertThat(count(result.rows(), new SmallGroups.Row("School A", 2, "nl")))
                .isEqualTo(17);
        assertThat(count(result.rows(), new SmallGroups.Row("School A", SmallGroups.SUPPRESSED_CODE, "nl")))
                .isEqualTo(5);
        assertThat(count(result.rows(), new SmallGroups.Row("School A", 1, "en")))
                .isEqualTo(5);
        assertThat(result.rows().get(20).ageGroup()).isEqualTo(SmallGroups.SUPPRESSED_CODE);
        assertThat(result.summary().ageCells()).isEqualTo(5);
        assertThat(result.summary().labelCells()).isZero();
        assertThat(result.summary().stillSmall()).isZero();
        assertThat(result.summary().anySuppressed()).isTrue();
    }

    @Test
    void anAgeGroupThatCannotSpareRowsIsSuppressedWhole() {
        add(7, "Klas 5", 2, "nl");
        add(1, "Klas 5", 1, "nl");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        // Taking four of the seven would leave three: so all eight lose their age group.
        assertThat(result.rows().values()).allMatch(r -> r.ageGroup() == SmallGroups.SUPPRESSED_CODE);
        assertThat(result.summary().ageCells()).isEqualTo(8);
        assertThat(result.summary().stillSmall()).isZero();
    }

    @Test
    void aStratumSmallerThanFiveIsCountedAsStillSmall() {
        add(10, "Klas 6", 2, "nl");
        add(2, "Klas 6", 2, "en");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        assertThat(result.summary().ageCells()).isEqualTo(2);
        assertThat(result.summary().stillSmall()).isEqualTo(2);
        assertThat(count(result.rows(), new SmallGroups.Row("Klas 6", 2, "nl"))).isEqualTo(10);
    }

    @Test
    void aCombinationSmallOverTheWholeExportIsSuppressedEverywhere() {
        add(10, "Klas 1", 2, "nl");
        add(1, "Klas 1", 2, "en");
        add(10, "Klas 2", 2, "nl");
        add(1, "Klas 2", 2, "en");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        assertThat(result.rows().values())
                .filteredOn(r -> r.language().equals("en"))
                .hasSize(2)
                .allMatch(r -> r.ageGroup() == SmallGroups.SUPPRESSED_CODE);
        assertThat(result.rows().values())
                .filteredOn(r -> r.language().equals("nl"))
                .allMatch(r -> r.ageGroup() == 2);
        assertThat(result.summary().ageCells()).isEqualTo(2);
    }

    @Test
    void theOrderAndKeysOfTheRowsAreKept() {
        add(1, "B", 1, "nl");
        add(6, "A", 2, "nl");
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        assertThat(List.copyOf(result.rows().keySet())).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(result.rows().get(0))
                .isEqualTo(new SmallGroups.Row(SmallGroups.SUPPRESSED_LABEL, SmallGroups.SUPPRESSED_CODE, "nl"));
        assertThat(result.rows().get(1)).isEqualTo(new SmallGroups.Row("A", 2, "nl"));
    }

    @Test
    void nothingToSuppressInAnEmptyExport() {
        SmallGroups.Result<Integer> result = SmallGroups.apply(rows);
        assertThat(result.rows()).isEmpty();
        assertThat(result.summary()).isEqualTo(new SmallGroups.Summary(0, 0, 0, 0, 0));
        assertThat(result.summary().anySuppressed()).isFalse();
    }

    @Test
    void theSequenceNumberOfABatchOfLinksIsLeftOutOfTheLabel() {
        assertThat(SmallGroups.exportLabel("School A klas 4B #12")).isEqualTo("School A klas 4B");
        assertThat(SmallGroups.exportLabel(" Klas 3 ")).isEqualTo("Klas 3");
        assertThat(SmallGroups.exportLabel("Klas #2b")).isEqualTo("Klas #2b");
    }
}
