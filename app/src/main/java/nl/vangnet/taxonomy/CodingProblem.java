package nl.vangnet.taxonomy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a coding. Validation reports every problem at once, so a professional can
 * fix a coding in one go.
 *
 * @param type what is wrong
 * @param dimension the dimension concerned, if any
 * @param value the offending value, if any
 * @param allowed what would have been accepted (codes, dimensions or values)
 */
public record CodingProblem(
        Type type, @Nullable String dimension, @Nullable String value, List<String> allowed) {

    public CodingProblem {
        allowed = List.copyOf(allowed);
    }

    /** The kinds of problem, each with a stable code for API clients. */
    public enum Type {
        CODE_MISSING("code-missing"),
        UNKNOWN_CODE("unknown-code"),
        UNKNOWN_DIMENSION("unknown-dimension"),
        DIMENSION_NOT_APPLICABLE("dimension-not-applicable"),
        VALUE_NOT_ALLOWED("value-not-allowed"),
        VALUE_NOT_ALLOWED_FOR_CODE("value-not-allowed-for-code"),
        SINGLE_VALUE_EXPECTED("single-value-expected"),
        VALUE_WRONG_TYPE("value-wrong-type"),
        TEXT_INVALID("text-invalid"),
        MANDATORY_MISSING("mandatory-dimension-missing");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
