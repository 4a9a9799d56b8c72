package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.vangnet.survey.Codebook.Kind;
import nl.vangnet.survey.Codebook.ValueLabel;
import nl.vangnet.survey.Codebook.Variable;
import nl.vangnet.survey.Instrument.Item;
import nl.vangnet.taxonomy.LocalizedText;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the research exports from the codebook: answers as CSV with coded values (one row per
 * response), the codebook as CSV, and SPSS and R syntax that read the CSV and label variables
 * and values. Link labels and age groups of small groups are suppressed ({@link SmallGroups}).
 * Researchers never get contact details here.
 */
@Component
class Exports {

    static final String CSV_FILE = "responses.csv";

    private final Responses responses;
    private final Campaigns campaigns;

    Exports(Responses responses, Campaigns campaigns) {
        this.responses = responses;
        this.campaigns = campaigns;
    }

    /**
     * The answers CSV with small groups suppressed. Repeatable read, so the suppression is computed
     * over exactly the responses that are written.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public String responsesCsv(Campaign campaign, Codebook codebook) {
        Map<UUID, SmallGroups.Row> suppressed =
                SmallGroups.apply(quasiIdentifiers(campaign)).rows();
        Questionnaire questionnaire = new Questionnaire(codebook.instrument());
        StringBuilder out = new StringBuilder();
        out.append(Csv.line(codebook.columnNames()));
        responses.forEach(campaign.id(), r -> {
            // A response that arrived after the suppression was computed is written fully suppressed.
            SmallGroups.Row quasi = suppressed.getOrDefault(
                    r.id(), new SmallGroups.Row(SmallGroups.SUPPRESSED_LABEL, SmallGroups.SUPPRESSED_CODE, ""));
            List<String> row = new ArrayList<>();
            for (Variable v : codebook.variables()) {
                row.add(value(v, r, quasi, questionnaire));
            }
            out.append(Csv.line(row));
        });
        return out.toString();
    }

    /** How many contact details the export removes from free-text answers, for the campaign page. */
    @Transactional(readOnly = true)
    public int redactions(Campaign campaign, Codebook codebook) {
        int[] removed = {0};
        List<Variable> texts = codebook.variables().stream()
                .filter(v -> v.kind() == Kind.STRING && v.item() != null)
                .toList();
        if (texts.isEmpty()) {
            return 0;
        }
        responses.forEach(campaign.id(), r -> {
            for (Variable v : texts) {
                removed[0] += TextRedaction.redact(
                                r.answers().text(v.item().id()).orElse(""))
                        .removed();
            }
        });
        return removed[0];
    }

    /** What suppression does to the export as it would be downloaded now, for the campaign page. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SmallGroups.Summary suppression(Campaign campaign) {
        return SmallGroups.apply(quasiIdentifiers(campaign)).summary();
    }

    private Map<UUID, SmallGroups.Row> quasiIdentifiers(Campaign campaign) {
        Map<UUID, String> linkLabels = campaigns.links(campaign.id()).stream()
                .collect(Collectors.toMap(CampaignLink::id, CampaignLink::label));
        return responses.quasiIdentifiers(campaign.id(), linkLabels);
    }

    private static String value(Variable v, StoredResponse r, SmallGroups.Row quasi, Questionnaire questionnaire) {
        Item item = v.item();
        if (item == null) {
            return switch (v.name()) {
                case "response_id" -> r.id().toString();
                case "link_label" -> quasi.label();
                case "language" -> "en".equals(r.language()) ? "2" : "1";
                case "age_group" -> String.valueOf(quasi.ageGroup());
                case "submitted_on" -> r.submittedOn().toString();
                case "duration_sec" -> String.valueOf(r.durationSeconds());
                case "flag_too_fast" -> flag(r.flags().tooFast());
                case "flag_straightline" -> flag(r.flags().straightLining());
                case "flag_inconsistent" -> flag(r.flags().inconsistent());
                default -> "";
            };
        }
        boolean shown = questionnaire.shown(item, r.answers());
        boolean answered = r.answers().has(item.id());
        if (v.kind() == Kind.STRING) {
            return TextRedaction.redact(r.answers().text(item.id()).orElse("")).text();
        }
        if (!shown) {
            return String.valueOf(Codebook.NOT_SHOWN);
        }
        if (!answered) {
            return String.valueOf(Codebook.NO_ANSWER);
        }
        if (v.optionCode() != null) {
            return r.answers().codes(item.id()).contains(v.optionCode()) ? "1" : "0";
        }
        return r.answers().code(item.id()).map(String::valueOf).orElse(String.valueOf(Codebook.NO_ANSWER));
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    static String codebookCsv(Codebook codebook) {
        StringBuilder out = new StringBuilder();
        out.append(Csv.line(List.of(
                "variable",
                "row",
                "value",
                "label_nl",
                "label_en",
                "type",
                "measure",
                "shown_if",
                "taxonomy_code",
                "period")));
        for (Variable v : codebook.variables()) {
            // For number items the variable row's value column gives the valid range, e.g. 10..99.
            String range = v.item() != null && v.item().kind() == ItemType.NUMBER
                    ? v.item().min() + ".." + v.item().max()
                    : "";
            out.append(Csv.line(List.of(
                    v.name(),
                    "variable",
                    range,
                    v.label().nl(),
                    v.label().en(),
                    v.kind().name().toLowerCase(Locale.ROOT),
                    v.measure().name().toLowerCase(Locale.ROOT),
                    v.condition(),
                    v.taxonomyCode() == null ? "" : v.taxonomyCode(),
                    v.period() == null ? "" : v.period())));
            if ("link_label".equals(v.name())) {
                out.append(Csv.line(List.of(
                        v.name(),
                        "value",
                        SmallGroups.SUPPRESSED_LABEL,
                        Codebook.SUPPRESSED.label().nl(),
                        Codebook.SUPPRESSED.label().en(),
                        "",
                        "",
                        "",
                        "",
                        "")));
            }
            if (v.kind() == Kind.STRING && v.item() != null) {
                for (String marker : TextRedaction.markers()) {
                    out.append(Csv.line(List.of(
                            v.name(),
                            "value",
                            marker,
                            "Contactgegeven verwijderd uit het antwoord",
                            "Contact detail removed from the answer",
                            "",
                            "",
                            "",
                            "",
                            "")));
                }
            }
            for (ValueLabel value : v.values()) {
                out.append(Csv.line(List.of(
                        v.name(),
                        "value",
                        String.valueOf(value.code()),
                        value.label().nl(),
                        value.label().en(),
                        "",
                        "",
                        "",
                        "",
                        "")));
            }
            if (v.item() != null && v.item().kind() == ItemType.NUMBER) {
                for (ValueLabel value : Codebook.MISSING) {
                    out.append(Csv.line(List.of(
                            v.name(),
                            "value",
                            String.valueOf(value.code()),
                            value.label().nl(),
                            value.label().en(),
                            "",
                            "",
                            "",
                            "",
                            "")));
                }
            }
        }
        return out.toString();
    }

    private static String label(LocalizedText text, Locale locale) {
        return text.in(locale);
    }

    private static String spss(String text) {
        return "'" + text.replace("'", "''").replace("\n", " ") + "'";
    }

    static String spssSyntax(Campaign campaign, Codebook codebook, Locale locale) {
        Instrument instrument = codebook.instrument();
        StringBuilder out = new StringBuilder();
        out.append("* Vangnet survey export: ")
                .append(instrument.id())
                .append(" version ")
                .append(instrument.version())
                .append(".\n");
        out.append("* Campaign: ")
                .append(campaign.name().replaceAll("[\\r\\n]", " "))
                .append(".\n");
        out.append("* Reads ")
                .append(CSV_FILE)
                .append(" from the working directory; -8 = not shown, -9 = not answered.\n");
        out.append("* -7 in link_label and age_group = suppressed: a group of fewer than ")
                .append(SmallGroups.K)
                .append(" responses.\n");
        out.append("GET DATA /TYPE=TXT /FILE='").append(CSV_FILE).append("' /ENCODING='UTF8'\n");
        out.append("  /DELIMITERS=\",\" /QUALIFIER='\"' /ARRANGEMENT=DELIMITED /FIRSTCASE=2\n");
        out.append("  /VARIABLES=\n");
        for (Variable v : codebook.variables()) {
            String format = switch (v.kind()) {
                case STRING -> "A" + stringWidth(v);
                case DATE -> "SDATE10";
                case NUMERIC -> "F8.0";
            };
            out.append("  ").append(v.name()).append(' ').append(format).append('\n');
        }
        out.append(".\nEXECUTE.\n\nVARIABLE LABELS\n");
        List<String> labels = new ArrayList<>();
        for (Variable v : codebook.variables()) {
            labels.add("  " + v.name() + " " + spss(label(v.label(), locale)));
        }
        out.append(String.join("\n  /", labels)).append(".\n\n");
        List<String> valueLabels = new ArrayList<>();
        List<String> withMissing = new ArrayList<>();
        for (Variable v : codebook.variables()) {
            List<ValueLabel> values = new ArrayList<>(v.values());
            if (v.item() != null && v.item().kind() == ItemType.NUMBER) {
                values.addAll(Codebook.MISSING);
            }
            if (v.hasMissingCodes()) {
                withMissing.add(v.name());
            }
            if (values.isEmpty()) {
                continue;
            }
            valueLabels.add("  " + v.name() + " "
                    + values.stream()
                            .map(x -> x.code() + " " + spss(label(x.label(), locale)))
                            .collect(Collectors.joining(" ")));
        }
        if (!valueLabels.isEmpty()) {
            out.append("VALUE LABELS\n")
                    .append(String.join("\n  /", valueLabels))
                    .append(".\n\n");
        }
        if (!withMissing.isEmpty()) {
            out.append("MISSING VALUES ").append(String.join(" ", withMissing)).append(" (-8, -9).\n\n");
        }
        out.append("MISSING VALUES age_group (")
                .append(SmallGroups.SUPPRESSED_CODE)
                .append(") /link_label ('")
                .append(SmallGroups.SUPPRESSED_LABEL)
                .append("').\n\n");
        for (Codebook.Measure measure : Codebook.Measure.values()) {
            List<String> names = codebook.variables().stream()
                    .filter(v -> v.measure() == measure && v.kind() == Kind.NUMERIC)
                    .map(Variable::name)
                    .toList();
            if (!names.isEmpty()) {
                out.append("VARIABLE LEVEL ")
                        .append(String.join(" ", names))
                        .append(" (")
                        .append(measure.name())
                        .append(").\n");
            }
        }
        out.append("EXECUTE.\n");
        return out.toString();
    }

    private static int stringWidth(Variable v) {
        if (v.item() != null && v.item().maxLength() != null) {
            return Math.max(1, v.item().maxLength() * 4);
        }
        return "response_id".equals(v.name()) ? 36 : 400;
    }

    private static String r(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    static String rSyntax(Campaign campaign, Codebook codebook, Locale locale) {
        Instrument instrument = codebook.instrument();
        StringBuilder out = new StringBuilder();
        out.append("# Vangnet survey export: ")
                .append(instrument.id())
                .append(" version ")
                .append(instrument.version())
                .append('\n');
        out.append("# Campaign: ")
                .append(campaign.name().replaceAll("[\\r\\n]", " "))
                .append('\n');
        out.append("# Reads ").append(CSV_FILE).append(" from the working directory. Codes -8 (not shown) and\n");
        out.append("# -9 (not answered) become NA; categorical variables become (ordered) factors.\n");
        out.append("responses <- read.csv(")
                .append(r(CSV_FILE))
                .append(", fileEncoding = \"UTF-8\", stringsAsFactors = FALSE, na.strings = character(0))\n");
        List<String> missing = codebook.variables().stream()
                .filter(Variable::hasMissingCodes)
                .map(v -> r(v.name()))
                .toList();
        if (!missing.isEmpty()) {
            out.append("for (v in c(").append(String.join(", ", missing)).append(")) {\n");
            out.append("  responses[[v]][responses[[v]] %in% c(-8, -9)] <- NA\n}\n");
        }
        out.append("# -7 in link_label and age_group means suppressed (a group of fewer than ")
                .append(SmallGroups.K)
                .append(" responses); it becomes NA.\n");
        out.append("responses$link_label[responses$link_label == ")
                .append(r(SmallGroups.SUPPRESSED_LABEL))
                .append("] <- NA\n");
        out.append("responses$age_group[responses$age_group == ")
                .append(SmallGroups.SUPPRESSED_CODE)
                .append("] <- NA\n");
        out.append("responses$submitted_on <- as.Date(responses$submitted_on)\n");
        for (Variable v : codebook.variables()) {
            List<ValueLabel> values =
                    v.values().stream().filter(x -> x.code() >= 0).toList();
            if (!values.isEmpty()) {
                out.append("responses$")
                        .append(v.name())
                        .append(" <- factor(responses$")
                        .append(v.name())
                        .append(", levels = c(")
                        .append(values.stream()
                                .map(x -> String.valueOf(x.code()))
                                .collect(Collectors.joining(", ")))
                        .append("), labels = c(")
                        .append(values.stream()
                                .map(x -> r(label(x.label(), locale)))
                                .collect(Collectors.joining(", ")))
                        .append(")")
                        .append(v.measure() == Codebook.Measure.ORDINAL ? ", ordered = TRUE" : "")
                        .append(")\n");
            }
            out.append("attr(responses$")
                    .append(v.name())
                    .append(", \"label\") <- ")
                    .append(r(label(v.label(), locale)))
                    .append('\n');
        }
        return out.toString();
    }
}
