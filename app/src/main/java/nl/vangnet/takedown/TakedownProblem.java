package nl.vangnet.takedown;

import java.util.List;

/** A staff command that cannot be carried out, with every reason as a message key. */
final class TakedownProblem extends RuntimeException {

    private final List<String> messageKeys;

    TakedownProblem(List<String> messageKeys) {
        super(String.join(",", messageKeys), null, false, false);
        this.messageKeys = List.copyOf(messageKeys);
    }

    TakedownProblem(String messageKey) {
        this(List.of(messageKey));
    }

    List<String> messageKeys() {
        return messageKeys;
    }

    /** A request, case or notice that does not exist or that the actor may not see: the same answer for both. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }
}
