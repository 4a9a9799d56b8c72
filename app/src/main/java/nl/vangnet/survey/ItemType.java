package nl.vangnet.survey;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The kinds of question an instrument may hold. */
enum ItemType {
    SINGLE,
    MULTIPLE,
    LIKERT,
    NUMBER,
    TEXT;

    static @Nullable ItemType of(String name) {
        for (ItemType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name)) {
                return t;
            }
        }
        return null;
    }

    boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE || this == LIKERT;
    }

    /** Single choice and Likert items take one code; they render the same way. */
    boolean singleCode() {
        return this == SINGLE || this == LIKERT;
    }
}
