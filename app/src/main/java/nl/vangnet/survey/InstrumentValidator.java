package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vangnet.survey.Instrument.Condition;
import nl.vangnet.survey.Instrument.Item;
import nl.vangnet.survey.Instrument.Option;
import nl.vangnet.survey.Instrument.Page;
import nl.vangnet.taxonomy.FormCode;
import nl.vangnet.taxonomy.LocalizedText;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;

/**
 * Checks an instrument file before it can be published or used: identifiers, texts in Dutch and
 * English, answer options, skip and display logic (unknown items, cycles, references to the same
 * or a later page, which could not work without JavaScript) and the mapping of screener items to
 * taxonomy codes. Returns every problem, not just the first.
 */
final class InstrumentValidator {

    static final Pattern INSTRUMENT_ID = Pattern.compile("[a-z][a-z0-9-]{1,40}");
    static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,3}");
    /** Valid as SPSS and R variable names, also with an option suffix ({@code _12}). */
    static final Pattern ITEM_ID = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    static final Set<String> PERIODS = Set.of("12m", "lifetime");
    static final int MAX_TEXT_LENGTH = 500;

    private InstrumentValidator() {}

    /** @param taxonomy the taxonomy version a screener names, or null if it names none or an unknown one */
    static List<InstrumentProblem> validate(Instrument instrument, @Nullable TaxonomyVersion taxonomy) {
        List<InstrumentProblem> problems = new ArrayList<>();
        if (instrument.id() == null || !INSTRUMENT_ID.matcher(instrument.id()).matches()) {
            problems.add(InstrumentProblem.of("instrument-id", String.valueOf(instrument.id())));
        }
        if (instrument.version() == null
                || !VERSION.matcher(instrument.version()).matches()) {
            problems.add(InstrumentProblem.of("version", String.valueOf(instrument.version())));
        }
        if (!Instrument.PUBLISHED.equals(instrument.status()) && !Instrument.DRAFT.equals(instrument.status())) {
            problems.add(InstrumentProblem.of("status", String.valueOf(instrument.status())));
        }
        checkText(instrument.title(), "title", problems);
        checkScales(instrument, problems);
        Map<String, Item> items = checkItems(instrument, problems);
        Map<String, Integer> pageOf = checkPages(instrument, items, problems);
        checkConditions(instrument, items, pageOf, problems);
        checkGrids(instrument, problems);
        checkTaxonomy(instrument, taxonomy, problems);
        if (instrument.quality().secondsPerItemOrDefault() <= 0
                || instrument.quality().straightLiningMinItemsOrDefault() < 2) {
            problems.add(InstrumentProblem.of("quality"));
        }
        return problems;
    }

    private static void checkText(@Nullable LocalizedText text, String where, List<InstrumentProblem> problems) {
        if (text == null || text.nl().isBlank() || text.en().isBlank()) {
            problems.add(InstrumentProblem.of("translation-missing", where));
        }
    }

    private static void checkScales(Instrument instrument, List<InstrumentProblem> problems) {
        instrument.scales().forEach((name, options) -> checkOptions("scale " + name, options, problems));
    }

    private static void checkOptions(String where, List<Option> options, List<InstrumentProblem> problems) {
        if (options.size() < 2) {
            problems.add(InstrumentProblem.of("options-missing", where));
        }
        Set<Integer> codes = new HashSet<>();
        for (Option option : options) {
            if (option.code() == Integer.MIN_VALUE || option.code() < 0 || option.code() > 999) {
                problems.add(InstrumentProblem.of("option-code", where, String.valueOf(option.code())));
            } else if (!codes.add(option.code())) {
                problems.add(InstrumentProblem.of("option-code-duplicate", where, String.valueOf(option.code())));
            }
            checkText(option.label(), where + " / " + option.code(), problems);
        }
    }

    private static Map<String, Item> checkItems(Instrument instrument, List<InstrumentProblem> problems) {
        Map<String, Item> byId = new LinkedHashMap<>();
        if (instrument.items().isEmpty()) {
            problems.add(InstrumentProblem.of("no-items"));
        }
        for (Item item : instrument.items()) {
            if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
                problems.add(InstrumentProblem.of("item-id", String.valueOf(item.id())));
                continue;
            }
            if (byId.put(item.id(), item) != null) {
                problems.add(InstrumentProblem.of("item-duplicate", item.id()));
            }
            checkText(item.text(), item.id(), problems);
            if (item.hint() != null) {
                checkText(item.hint(), item.id() + " hint", problems);
            }
            if (item.label() != null) {
                checkText(item.label(), item.id() + " label", problems);
            }
            ItemType type = item.kind();
            if (type == null) {
                problems.add(InstrumentProblem.of("item-type", item.id(), item.type()));
                continue;
            }
            if (type.hasOptions()) {
                if (item.scale() != null) {
                    if (!instrument.scales().containsKey(item.scale())) {
                        problems.add(InstrumentProblem.of("unknown-scale", item.id(), item.scale()));
                    }
                    if (!item.options().isEmpty()) {
                        problems.add(InstrumentProblem.of("scale-and-options", item.id()));
                    }
                } else {
                    checkOptions(item.id(), item.options(), problems);
                }
                if (type != ItemType.MULTIPLE
                        && instrument.optionsOf(item).stream().anyMatch(Option::exclusive)) {
                    problems.add(InstrumentProblem.of("exclusive-single", item.id()));
                }
            } else if (!item.options().isEmpty() || item.scale() != null) {
                problems.add(InstrumentProblem.of("options-not-allowed", item.id()));
            }
            if (type == ItemType.NUMBER) {
                if (item.min() == null || item.max() == null || item.min() > item.max() || item.min() < 0) {
                    problems.add(InstrumentProblem.of("number-range", item.id()));
                }
            }
            if (type == ItemType.TEXT) {
                if (item.maxLength() == null || item.maxLength() < 1 || item.maxLength() > MAX_TEXT_LENGTH) {
                    problems.add(InstrumentProblem.of("text-length", item.id(), String.valueOf(MAX_TEXT_LENGTH)));
                }
            }
        }
        return byId;
    }

    private static Map<String, Integer> checkPages(
            Instrument instrument, Map<String, Item> items, List<InstrumentProblem> problems) {
        Map<String, Integer> pageOf = new HashMap<>();
        Set<String> pageIds = new HashSet<>();
        if (instrument.pages().isEmpty()) {
            problems.add(InstrumentProblem.of("no-pages"));
        }
        for (int i = 0; i < instrument.pages().size(); i++) {
            Page page = instrument.pages().get(i);
            if (page.id() == null || !pageIds.add(page.id())) {
                problems.add(InstrumentProblem.of("page-id", String.valueOf(page.id())));
            }
            if (page.title() != null) {
                checkText(page.title(), "page " + page.id(), problems);
            }
            if (page.intro() != null) {
                checkText(page.intro(), "page " + page.id() + " intro", problems);
            }
            if (page.items().isEmpty()) {
                problems.add(InstrumentProblem.of("page-empty", String.valueOf(page.id())));
            }
            for (String itemId : page.items()) {
                if (!items.containsKey(itemId)) {
                    problems.add(InstrumentProblem.of("page-unknown-item", String.valueOf(page.id()), itemId));
                } else if (pageOf.put(itemId, i) != null) {
                    problems.add(InstrumentProblem.of("item-on-two-pages", itemId));
                }
            }
        }
        for (String itemId : items.keySet()) {
            if (!pageOf.containsKey(itemId)) {
                problems.add(InstrumentProblem.of("item-not-on-page", itemId));
            }
        }
        return pageOf;
    }

    private static void checkConditions(
            Instrument instrument,
            Map<String, Item> items,
            Map<String, Integer> pageOf,
            List<InstrumentProblem> problems) {
        // Which items each item depends on: its own condition and its page's condition.
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (int i = 0; i < instrument.pages().size(); i++) {
            Page page = instrument.pages().get(i);
            if (page.showIf() != null) {
                checkCondition(page.showIf(), "page " + page.id(), instrument, items, problems);
                for (String referenced : page.showIf().referencedItems()) {
                    if (!items.containsKey(referenced)) {
                        continue;
                    }
                    Integer at = pageOf.get(referenced);
                    if (at != null && at >= i) {
                        problems.add(InstrumentProblem.of("forward-reference", "page " + page.id(), referenced));
                    }
                    for (String itemId : page.items()) {
                        dependsOn
                                .computeIfAbsent(itemId, k -> new LinkedHashSet<>())
                                .add(referenced);
                    }
                }
            }
        }
        for (Item item : items.values()) {
            if (item.showIf() == null) {
                continue;
            }
            checkCondition(item.showIf(), item.id(), instrument, items, problems);
            Integer own = pageOf.get(item.id());
            for (String referenced : item.showIf().referencedItems()) {
                if (!items.containsKey(referenced)) {
                    continue;
                }
                Integer at = pageOf.get(referenced);
                if (own != null && at != null && at >= own && !referenced.equals(item.id())) {
                    problems.add(InstrumentProblem.of("forward-reference", item.id(), referenced));
                }
                dependsOn.computeIfAbsent(item.id(), k -> new LinkedHashSet<>()).add(referenced);
            }
        }
        List<String> cycle = findCycle(dependsOn);
        if (!cycle.isEmpty()) {
            problems.add(InstrumentProblem.of("skip-cycle", String.join(" → ", cycle)));
        }
    }

    private static void checkCondition(
            Condition condition,
            String where,
            Instrument instrument,
            Map<String, Item> items,
            List<InstrumentProblem> problems) {
        int forms = (condition.item() != null ? 1 : 0)
                + (condition.all() != null ? 1 : 0)
                + (condition.any() != null ? 1 : 0)
                + (condition.not() != null ? 1 : 0);
        if (forms != 1) {
            problems.add(InstrumentProblem.of("condition-form", where));
            return;
        }
        if (condition.all() != null || condition.any() != null) {
            List<Condition> parts = condition.all() != null ? condition.all() : condition.any();
            if (parts.isEmpty()) {
                problems.add(InstrumentProblem.of("condition-form", where));
            }
            parts.forEach(c -> checkCondition(c, where, instrument, items, problems));
            return;
        }
        if (condition.not() != null) {
            checkCondition(condition.not(), where, instrument, items, problems);
            return;
        }
        Item target = items.get(condition.item());
        if (target == null) {
            problems.add(InstrumentProblem.of("condition-unknown-item", where, String.valueOf(condition.item())));
            return;
        }
        int tests = (condition.anyOf() != null ? 1 : 0)
                + (condition.min() != null || condition.max() != null ? 1 : 0)
                + (condition.answered() != null ? 1 : 0);
        if (tests != 1) {
            problems.add(InstrumentProblem.of("condition-form", where));
            return;
        }
        ItemType type = target.kind();
        if (condition.anyOf() != null) {
            if (type == null || !type.hasOptions()) {
                problems.add(InstrumentProblem.of("condition-type", where, target.id()));
                return;
            }
            for (Integer code : condition.anyOf()) {
                if (code == null || instrument.option(target, code).isEmpty()) {
                    problems.add(
                            InstrumentProblem.of("condition-unknown-code", where, target.id(), String.valueOf(code)));
                }
            }
        }
        if ((condition.min() != null || condition.max() != null) && type != ItemType.NUMBER) {
            problems.add(InstrumentProblem.of("condition-type", where, target.id()));
        }
    }

    /** A dependency cycle as a path that starts and ends on the same item, or an empty list. */
    static List<String> findCycle(Map<String, Set<String>> dependsOn) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : dependsOn.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, dependsOn, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(
            String node, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return List.of();
        }
        if (seen != null && seen == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, edges, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }

    private static void checkGrids(Instrument instrument, List<InstrumentProblem> problems) {
        Map<String, List<Option>> firstOptions = new HashMap<>();
        for (Item item : instrument.items()) {
            if (item.grid() == null || item.kind() == null) {
                continue;
            }
            if (!item.kind().singleCode()) {
                problems.add(InstrumentProblem.of("grid-type", item.id()));
                continue;
            }
            List<Option> options = instrument.optionsOf(item);
            List<Option> first = firstOptions.putIfAbsent(item.grid(), options);
            if (first != null && !first.equals(options)) {
                problems.add(InstrumentProblem.of("grid-options", item.grid(), item.id()));
            }
        }
    }

    private static void checkTaxonomy(
            Instrument instrument, @Nullable TaxonomyVersion taxonomy, List<InstrumentProblem> problems) {
        boolean mapsItems = instrument.items().stream().anyMatch(i -> i.taxonomyCode() != null);
        if (instrument.taxonomyVersion() == null) {
            if (mapsItems) {
                problems.add(InstrumentProblem.of("taxonomy-version-missing"));
            }
            return;
        }
        if (taxonomy == null) {
            problems.add(InstrumentProblem.of("taxonomy-version-unknown", instrument.taxonomyVersion()));
            return;
        }
        Map<String, Set<String>> periodsByCode = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            if (item.taxonomyCode() == null) {
                if (item.period() != null) {
                    problems.add(InstrumentProblem.of("taxonomy-period", item.id(), item.period()));
                }
                continue;
            }
            if (taxonomy.code(item.taxonomyCode()).isEmpty()) {
                problems.add(InstrumentProblem.of("taxonomy-unknown-code", item.id(), item.taxonomyCode()));
                continue;
            }
            if (item.period() == null || !PERIODS.contains(item.period())) {
                problems.add(InstrumentProblem.of("taxonomy-period", item.id(), String.valueOf(item.period())));
                continue;
            }
            if (!periodsByCode
                    .computeIfAbsent(item.taxonomyCode(), k -> new HashSet<>())
                    .add(item.period())) {
                problems.add(InstrumentProblem.of(
                        "taxonomy-duplicate", item.id(), item.taxonomyCode() + " " + item.period()));
            }
        }
        for (String excluded : instrument.taxonomyExcluded()) {
            if (taxonomy.code(excluded).isEmpty()) {
                problems.add(InstrumentProblem.of("taxonomy-unknown-code", "taxonomyExcluded", excluded));
            } else if (periodsByCode.containsKey(excluded)) {
                problems.add(InstrumentProblem.of("taxonomy-excluded-but-mapped", excluded));
            }
        }
        // One-to-one: every code of the taxonomy version is asked for both periods, or is
        // explicitly excluded, so a new taxonomy code cannot silently go uncounted.
        for (FormCode code : taxonomy.codes()) {
            if (instrument.taxonomyExcluded().contains(code.code())) {
                continue;
            }
            Set<String> periods = periodsByCode.getOrDefault(code.code(), Set.of());
            if (!periods.containsAll(PERIODS)) {
                problems.add(InstrumentProblem.of("taxonomy-not-covered", code.code()));
            }
        }
    }
}
