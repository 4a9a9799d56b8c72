package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.List;
import nl.vangnet.survey.Instrument.Condition;
import nl.vangnet.survey.Instrument.Item;
import nl.vangnet.survey.Instrument.Page;
import org.jspecify.annotations.Nullable;

/**
 * Skip and display logic evaluated on the server: which pages and items a respondent sees,
 * given the answers so far. Because conditions only read earlier pages, walking the pages in
 * order decides everything.
 */
final class Questionnaire {

    private final Instrument instrument;

    Questionnaire(Instrument instrument) {
        this.instrument = instrument;
    }

    static boolean holds(@Nullable Condition condition, Answers answers) {
        if (condition == null) {
            return true;
        }
        if (condition.all() != null) {
            return condition.all().stream().allMatch(c -> holds(c, answers));
        }
        if (condition.any() != null) {
            return condition.any().stream().anyMatch(c -> holds(c, answers));
        }
        if (condition.not() != null) {
            return !holds(condition.not(), answers);
        }
        String item = condition.item();
        if (item == null) {
            return false;
        }
        if (condition.answered() != null) {
            return answers.has(item) == condition.answered();
        }
        if (condition.anyOf() != null) {
            List<Integer> given = answers.codes(item);
            return given.stream().anyMatch(condition.anyOf()::contains);
        }
        if (condition.min() != null || condition.max() != null) {
            return answers.code(item)
                    .map(v -> (condition.min() == null || v >= condition.min())
                            && (condition.max() == null || v <= condition.max()))
                    .orElse(false);
        }
        return false;
    }

    boolean pageVisible(int index, Answers answers) {
        return holds(instrument.pages().get(index).showIf(), answers);
    }

    List<Item> visibleItems(int pageIndex, Answers answers) {
        Page page = instrument.pages().get(pageIndex);
        return instrument.itemsOn(page).stream()
                .filter(i -> holds(i.showIf(), answers))
                .toList();
    }

    /** The first visible page after {@code from}, or -1 at the end. */
    int nextPage(int from, Answers answers) {
        for (int i = from + 1; i < instrument.pages().size(); i++) {
            if (pageVisible(i, answers) && !visibleItems(i, answers).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** The last visible page before {@code from}, or -1 if there is none. */
    int previousPage(int from, Answers answers) {
        for (int i = from - 1; i >= 0; i--) {
            if (pageVisible(i, answers) && !visibleItems(i, answers).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** How many pages the respondent sees with the answers so far (pages ahead counted as shown if they could be). */
    int visiblePageCount(Answers answers) {
        int count = 0;
        for (int i = 0; i < instrument.pages().size(); i++) {
            if (pageVisible(i, answers) && !visibleItems(i, answers).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    int visiblePageNumber(int index, Answers answers) {
        int number = 0;
        for (int i = 0; i <= index; i++) {
            if (pageVisible(i, answers) && !visibleItems(i, answers).isEmpty()) {
                number++;
            }
        }
        return number;
    }

    /**
     * The answers that count: those to items still shown once every earlier answer is known. An
     * answer left behind on a page that a changed earlier answer now skips is dropped.
     */
    Answers effective(Answers answers) {
        Answers kept = new Answers();
        for (Page page : instrument.pages()) {
            if (!holds(page.showIf(), kept)) {
                continue;
            }
            for (Item item : instrument.itemsOn(page)) {
                if (holds(item.showIf(), kept) && answers.has(item.id())) {
                    kept.set(item.id(), answers.asMap().get(item.id()));
                }
            }
        }
        return kept;
    }

    /** Whether an item was shown to someone with these (effective) answers. */
    boolean shown(Item item, Answers effective) {
        int pageIndex = instrument.pageIndexOf(item.id());
        return pageIndex >= 0 && pageVisible(pageIndex, effective) && holds(item.showIf(), effective);
    }

    List<Integer> pagesShown(Answers effective) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < instrument.pages().size(); i++) {
            if (pageVisible(i, effective) && !visibleItems(i, effective).isEmpty()) {
                shown.add(i);
            }
        }
        return shown;
    }
}
