package nl.vangnet.shared;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A problem with an API request, described by message keys so it can be told in the caller's
 * language. Thrown by controllers; turned into RFC 9457 problem+json by {@code ApiErrorHandler}.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<Item> items;

    public ApiProblem(int status, String slug, List<Item> items) {
        super(slug);
        this.status = status;
        this.slug = slug;
        this.items = List.copyOf(items);
    }

    public ApiProblem(int status, String slug) {
        this(status, slug, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<Item> items() {
        return items;
    }

    /**
     * One thing wrong with the request.
     *
     * @param code a stable machine-readable code such as {@code unknown-dimension}
     * @param field where it is (a JSON field name or pointer), if anywhere
     * @param messageKey the message bundle key that explains it
     * @param arguments values for the message, in order
     * @param details extra machine-readable facts (e.g. the allowed values)
     */
    public record Item(
            String code,
            @Nullable String field,
            String messageKey,
            List<Object> arguments,
            Map<String, Object> details) {

        public Item {
            arguments = List.copyOf(arguments);
            details = Map.copyOf(details);
        }

        public static Item of(String code, @Nullable String field, Object... arguments) {
            return new Item(code, field, "problem.item." + code, List.of(arguments), Map.of());
        }
    }
}
