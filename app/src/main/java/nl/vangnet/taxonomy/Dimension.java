package nl.vangnet.taxonomy;

import java.util.List;
import java.util.Optional;

/**
 * A dimension of a coding (e.g. {@code reach}) with its allowed values. A text dimension takes a
 * short free value instead (e.g. a platform name) and has no value list.
 */
public record Dimension(
        String name, boolean multiple, boolean text, int maxLength, LocalizedText label, List<Value> values) {

    public Dimension {
        values = values == null ? List.of() : List.copyOf(values);
        if (text && maxLength <= 0) {
            maxLength = 80;
        }
    }

    public Optional<Value> value(String code) {
        return values.stream().filter(v -> v.value().equals(code)).findFirst();
    }

    public List<String> valueCodes() {
        return values.stream().map(Value::value).toList();
    }

    /** One allowed value of a dimension. */
    public record Value(String value, LocalizedText label) {}
}
