package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A respondent's answers by item ID: an {@link Integer} for single choice, Likert and number
 * items, a sorted list of integers for multiple choice, a {@link String} for short free text.
 * Unanswered items are absent.
 */
final class Answers {

    private final Map<String, Object> values;

    Answers() {
        this.values = new LinkedHashMap<>();
    }

    Answers(Map<String, Object> values) {
        this();
        values.forEach(this::putRaw);
    }

    private void putRaw(String itemId, @Nullable Object value) {
        if (value instanceof Integer i) {
            values.put(itemId, i);
        } else if (value instanceof Number n) {
            values.put(itemId, n.intValue());
        } else if (value instanceof List<?> list) {
            List<Integer> codes = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof Number n) {
                    codes.add(n.intValue());
                }
            }
            codes.sort(Integer::compare);
            values.put(itemId, List.copyOf(codes));
        } else if (value instanceof String s) {
            values.put(itemId, s);
        }
    }

    boolean has(String itemId) {
        return values.containsKey(itemId);
    }

    Optional<Integer> code(String itemId) {
        return values.get(itemId) instanceof Integer i ? Optional.of(i) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    List<Integer> codes(String itemId) {
        Object value = values.get(itemId);
        if (value instanceof List<?> list) {
            return (List<Integer>) list;
        }
        if (value instanceof Integer i) {
            return List.of(i);
        }
        return List.of();
    }

    Optional<String> text(String itemId) {
        return values.get(itemId) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    void set(String itemId, Object value) {
        putRaw(itemId, value);
    }

    void remove(String itemId) {
        values.remove(itemId);
    }

    Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    int size() {
        return values.size();
    }

    Answers copy() {
        return new Answers(values);
    }
}
