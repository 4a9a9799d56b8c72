package nl.vangnet.cases;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A refused change, with every problem at once. */
public class CaseProblem extends RuntimeException {

    /**
     * One problem.
     *
     * @param code a stable code, e.g. {@code mandatory-dimension-missing}
     * @param field the form field or dimension concerned, if any
     * @param messageKey the message bundle key that explains it
     * @param arguments values for the message
     */
    public record Item(String code, @Nullable String field, String messageKey, List<Object> arguments) {
        public Item {
            arguments = List.copyOf(arguments);
        }

        public static Item of(String code, @Nullable String field, Object... arguments) {
            return new Item(code, field, "cases.problem." + code, List.of(arguments));
        }
    }

    private final List<Item> items;

    public CaseProblem(List<Item> items) {
        super(items.stream().map(Item::code).toList().toString(), null, false, false);
        this.items = List.copyOf(items);
    }

    public static CaseProblem of(String code, @Nullable String field, Object... arguments) {
        return new CaseProblem(List.of(Item.of(code, field, arguments)));
    }

    public List<Item> items() {
        return items;
    }
}
