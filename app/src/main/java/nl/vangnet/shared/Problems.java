package nl.vangnet.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem+json bodies in the caller's language. Every API error goes through
 * here, so none can leak a stack trace, a SQL message or a class name.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<Map<String, Object>> response(ApiProblem problem, @Nullable String instance, Locale locale) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON).body(body(problem, instance, locale));
    }

    public Map<String, Object> body(ApiProblem problem, @Nullable String instance, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:vangnet:problem:" + problem.slug());
        body.put("title", text("problem." + problem.slug() + ".title", List.of(), locale));
        body.put("status", problem.status());
        body.put("detail", text("problem." + problem.slug() + ".detail", List.of(), locale));
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!problem.items().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ApiProblem.Item item : problem.items()) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", item.code());
                if (item.field() != null) {
                    error.put("field", item.field());
                }
                error.put("message", text(item.messageKey(), item.arguments(), locale));
                error.putAll(item.details());
                errors.add(error);
            }
            body.put("errors", errors);
        }
        return body;
    }

    private String text(String key, List<Object> arguments, Locale locale) {
        return messages.getMessage(key, arguments.toArray(), key, locale);
    }
}
