package nl.vangnet.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A coding to validate or store: a form code and, per dimension, one or more values.
 *
 * @param code the primary form code, e.g. {@code SXT-FIN}
 * @param dimensions dimension name to its values (one value for single-valued dimensions)
 */
public record Coding(String code, Map<String, List<String>> dimensions) {

    public Coding {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        dimensions.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        dimensions = java.util.Collections.unmodifiableMap(copy);
    }
}
