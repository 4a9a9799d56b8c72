package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vangnet.survey.Instrument.Item;
import nl.vangnet.survey.Instrument.Option;

/**
 * Reads the answers to one page from the submitted form ({@code a_<item>} parameters) and checks
 * them against the instrument: known option codes only, one code for single choice, no exclusive
 * option ("nobody") together with others, whole numbers within range, short text within length.
 * Answers to the page's items replace earlier ones, so clearing an answer works.
 */
final class PageAnswers {

    /** A problem with one item's answer: a message key and its arguments. */
    record Problem(String itemId, String messageKey, List<Object> arguments) {}

    /**
     * @param rawValues what was typed into number and text fields, to show again with a problem
     * @param rawChoices the options ticked in a choice question that has a problem, to show again
     */
    record Result(
            Answers answers,
            List<Problem> problems,
            Map<String, String> rawValues,
            Map<String, List<Integer>> rawChoices) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    private PageAnswers() {}

    static String param(String itemId) {
        return "a_" + itemId;
    }

    static Result read(Instrument instrument, List<Item> items, Map<String, String[]> params, Answers before) {
        Answers answers = before.copy();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, List<Integer>> rawChoices = new LinkedHashMap<>();
        for (Item item : items) {
            answers.remove(item.id());
            String[] given = params.getOrDefault(param(item.id()), new String[0]);
            List<String> values = new ArrayList<>();
            for (String v : given) {
                if (v != null && !v.isBlank()) {
                    values.add(v.strip());
                }
            }
            ItemType type = item.kind();
            if (type == null) {
                continue;
            }
            if (values.isEmpty()) {
                if (item.required()) {
                    problems.add(new Problem(item.id(), "survey.answer.required", List.of()));
                }
                continue;
            }
            switch (type) {
                case SINGLE, LIKERT -> {
                    Integer code = optionCode(instrument, item, values.get(0));
                    if (values.size() > 1 || code == null) {
                        problems.add(new Problem(item.id(), "survey.answer.invalid-option", List.of()));
                    } else {
                        answers.set(item.id(), code);
                    }
                }
                case MULTIPLE -> {
                    List<Integer> codes = new ArrayList<>();
                    boolean invalid = false;
                    for (String v : values) {
                        Integer code = optionCode(instrument, item, v);
                        if (code == null) {
                            invalid = true;
                        } else if (!codes.contains(code)) {
                            codes.add(code);
                        }
                    }
                    boolean exclusive = codes.size() > 1
                            && codes.stream()
                                    .anyMatch(c -> instrument
                                            .option(item, c)
                                            .map(Option::exclusive)
                                            .orElse(false));
                    if (invalid) {
                        problems.add(new Problem(item.id(), "survey.answer.invalid-option", List.of()));
                    } else if (exclusive) {
                        rawChoices.put(item.id(), List.copyOf(codes));
                        String label = instrument.optionsOf(item).stream()
                                .filter(Option::exclusive)
                                .findFirst()
                                .map(o -> o.code().toString())
                                .orElse("");
                        problems.add(new Problem(item.id(), "survey.answer.exclusive", List.of(label)));
                    } else {
                        answers.set(item.id(), codes);
                    }
                }
                case NUMBER -> {
                    String v = values.get(0);
                    raw.put(item.id(), v.length() > 20 ? v.substring(0, 20) : v);
                    Integer number = null;
                    if (v.matches("-?\\d{1,9}")) {
                        number = Integer.parseInt(v);
                    }
                    if (number == null || number < item.min() || number > item.max()) {
                        problems.add(new Problem(item.id(), "survey.answer.number", List.of(item.min(), item.max())));
                    } else {
                        answers.set(item.id(), number);
                    }
                }
                case TEXT -> {
                    String text = clean(String.join(" ", values));
                    raw.put(item.id(), text.length() > 2000 ? text.substring(0, 2000) : text);
                    if (text.length() > item.maxLength()) {
                        problems.add(new Problem(item.id(), "survey.answer.text-length", List.of(item.maxLength())));
                    } else if (!text.isEmpty()) {
                        answers.set(item.id(), text);
                    }
                }
            }
        }
        return new Result(answers, List.copyOf(problems), raw, rawChoices);
    }

    private static Integer optionCode(Instrument instrument, Item item, String value) {
        if (!value.matches("\\d{1,3}")) {
            return null;
        }
        int code = Integer.parseInt(value);
        return instrument.option(item, code).isPresent() ? code : null;
    }

    /** Free text on one line, without control characters. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().strip().replaceAll(" {2,}", " ");
    }
}
