package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.vangnet.survey.Instrument.Condition;
import nl.vangnet.survey.Instrument.Item;
import nl.vangnet.survey.Instrument.Option;
import nl.vangnet.taxonomy.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * The variables of an export, generated from the instrument definition so the codebook and the
 * CSV can never disagree: response metadata first, then one variable per single-choice, Likert,
 * number or text item and one 0/1 variable per option of a multiple-choice item.
 */
record Codebook(Instrument instrument, List<Variable> variables) {

    /** The item was not shown to this respondent (skip or display logic). */
    static final int NOT_SHOWN = -8;
    /** The item was shown and left unanswered. */
    static final int NO_ANSWER = -9;

    enum Kind {
        NUMERIC,
        STRING,
        DATE
    }

    enum Measure {
        NOMINAL,
        ORDINAL,
        SCALE
    }

    record ValueLabel(int code, LocalizedText label) {}

    record Variable(
            String name,
            Kind kind,
            Measure measure,
            LocalizedText label,
            List<ValueLabel> values,
            @Nullable Item item,
            @Nullable Integer optionCode,
            String condition,
            @Nullable String taxonomyCode,
            @Nullable String period) {

        boolean hasMissingCodes() {
            return item != null && kind == Kind.NUMERIC;
        }

        /** Whether a CSV cell is a value this variable may hold. */
        boolean accepts(String cell) {
            if (kind == Kind.STRING) {
                return true;
            }
            if (kind == Kind.DATE) {
                return cell.matches("\\d{4}-\\d{2}-\\d{2}");
            }
            int value;
            try {
                value = Integer.parseInt(cell);
            } catch (NumberFormatException e) {
                return false;
            }
            if (!values.isEmpty()) {
                return values.stream().anyMatch(v -> v.code() == value);
            }
            if (item != null && item.kind() == ItemType.NUMBER) {
                return value == NOT_SHOWN || value == NO_ANSWER || (value >= item.min() && value <= item.max());
            }
            return value >= 0;
        }
    }

    private static LocalizedText t(String nl, String en) {
        return new LocalizedText(nl, en);
    }

    static final List<ValueLabel> MISSING = List.of(
            new ValueLabel(NOT_SHOWN, t("niet getoond (overgeslagen door routing)", "not shown (skipped by routing)")),
            new ValueLabel(NO_ANSWER, t("getoond, niet beantwoord", "shown, not answered")));

    /** A link label or age group left out because its group in the export is smaller than K. */
    static final ValueLabel SUPPRESSED = new ValueLabel(
            SmallGroups.SUPPRESSED_CODE,
            t(
                    "onderdrukt: groep van minder dan " + SmallGroups.K + " antwoorden",
                    "suppressed: group of fewer than " + SmallGroups.K + " responses"));

    static final List<ValueLabel> FLAG = List.of(new ValueLabel(0, t("nee", "no")), new ValueLabel(1, t("ja", "yes")));

    static Codebook of(Instrument instrument) {
        List<Variable> variables = new ArrayList<>();
        variables.add(meta(
                "response_id",
                Kind.STRING,
                Measure.NOMINAL,
                t("Willekeurig kenmerk van de respons", "Random identifier of the response"),
                List.of()));
        variables.add(meta(
                "link_label",
                Kind.STRING,
                Measure.NOMINAL,
                t(
                        "School of klas van de link, zonder volgnummer; -7 als minder dan " + SmallGroups.K
                                + " antwoorden",
                        "School or class of the link, without sequence number; -7 if fewer than " + SmallGroups.K
                                + " responses"),
                List.of()));
        variables.add(meta(
                "language",
                Kind.NUMERIC,
                Measure.NOMINAL,
                t("Taal van invullen", "Language answered in"),
                List.of(new ValueLabel(1, t("Nederlands", "Dutch")), new ValueLabel(2, t("Engels", "English")))));
        variables.add(meta(
                "age_group",
                Kind.NUMERIC,
                Measure.ORDINAL,
                t("Leeftijdsgroep", "Age group"),
                List.of(
                        new ValueLabel(1, t("jonger dan 16", "under 16")),
                        new ValueLabel(2, t("16 of ouder", "16 or older")),
                        SUPPRESSED)));
        variables.add(meta(
                "submitted_on",
                Kind.DATE,
                Measure.SCALE,
                t("Datum van verzenden (alleen de dag)", "Date submitted (day only)"),
                List.of()));
        variables.add(meta(
                "duration_sec",
                Kind.NUMERIC,
                Measure.SCALE,
                t("Invultijd in seconden", "Time taken in seconds"),
                List.of()));
        variables.add(meta(
                "flag_too_fast",
                Kind.NUMERIC,
                Measure.NOMINAL,
                t("Kwaliteit: te snel ingevuld", "Quality: answered too fast"),
                FLAG));
        variables.add(meta(
                "flag_straightline",
                Kind.NUMERIC,
                Measure.NOMINAL,
                t("Kwaliteit: overal hetzelfde antwoord in een reeks", "Quality: same answer throughout a grid"),
                FLAG));
        variables.add(meta(
                "flag_inconsistent",
                Kind.NUMERIC,
                Measure.NOMINAL,
                t("Kwaliteit: tegenstrijdige screeningsantwoorden", "Quality: inconsistent screener answers"),
                FLAG));
        for (Item item : instrument.itemsInPageOrder()) {
            String condition = describe(instrument, item);
            ItemType type = item.kind();
            if (type == null) {
                continue;
            }
            switch (type) {
                case SINGLE, LIKERT -> {
                    List<ValueLabel> values = new ArrayList<>();
                    for (Option o : instrument.optionsOf(item)) {
                        values.add(new ValueLabel(o.code(), o.label()));
                    }
                    values.addAll(MISSING);
                    variables.add(new Variable(
                            item.id(),
                            Kind.NUMERIC,
                            type == ItemType.LIKERT ? Measure.ORDINAL : Measure.NOMINAL,
                            item.variableLabel(),
                            List.copyOf(values),
                            item,
                            null,
                            condition,
                            item.taxonomyCode(),
                            item.period()));
                }
                case MULTIPLE -> {
                    for (Option o : instrument.optionsOf(item)) {
                        List<ValueLabel> values = new ArrayList<>();
                        values.add(new ValueLabel(0, t("niet gekozen", "not chosen")));
                        values.add(new ValueLabel(1, t("gekozen", "chosen")));
                        values.addAll(MISSING);
                        LocalizedText label = t(
                                item.variableLabel().nl() + ": " + o.label().nl(),
                                item.variableLabel().en() + ": " + o.label().en());
                        variables.add(new Variable(
                                item.id() + "_" + o.code(),
                                Kind.NUMERIC,
                                Measure.NOMINAL,
                                label,
                                List.copyOf(values),
                                item,
                                o.code(),
                                condition,
                                item.taxonomyCode(),
                                item.period()));
                    }
                }
                case NUMBER ->
                    variables.add(new Variable(
                            item.id(),
                            Kind.NUMERIC,
                            Measure.SCALE,
                            item.variableLabel(),
                            List.of(),
                            item,
                            null,
                            condition,
                            null,
                            null));
                case TEXT ->
                    variables.add(new Variable(
                            item.id(),
                            Kind.STRING,
                            Measure.NOMINAL,
                            item.variableLabel(),
                            List.of(),
                            item,
                            null,
                            condition,
                            null,
                            null));
            }
        }
        return new Codebook(instrument, List.copyOf(variables));
    }

    private static Variable meta(
            String name, Kind kind, Measure measure, LocalizedText label, List<ValueLabel> values) {
        return new Variable(name, kind, measure, label, values, null, null, "", null, null);
    }

    /** The routing that decides whether an item is shown, in a researcher-readable form. */
    static String describe(Instrument instrument, Item item) {
        List<String> parts = new ArrayList<>();
        int pageIndex = instrument.pageIndexOf(item.id());
        if (pageIndex >= 0 && instrument.pages().get(pageIndex).showIf() != null) {
            parts.add(describe(instrument.pages().get(pageIndex).showIf()));
        }
        if (item.showIf() != null) {
            parts.add(describe(item.showIf()));
        }
        return String.join(" AND ", parts);
    }

    static String describe(Condition c) {
        if (c.all() != null) {
            return c.all().stream().map(Codebook::describe).collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (c.any() != null) {
            return c.any().stream().map(Codebook::describe).collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (c.not() != null) {
            return "NOT " + describe(c.not());
        }
        if (c.anyOf() != null) {
            return c.item() + " IN (" + c.anyOf().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
        }
        if (c.answered() != null) {
            return c.item() + (c.answered() ? " ANSWERED" : " NOT ANSWERED");
        }
        List<String> range = new ArrayList<>();
        if (c.min() != null) {
            range.add(c.item() + " >= " + c.min());
        }
        if (c.max() != null) {
            range.add(c.item() + " <= " + c.max());
        }
        return String.join(" AND ", range);
    }

    List<String> columnNames() {
        return variables.stream().map(Variable::name).toList();
    }
}
