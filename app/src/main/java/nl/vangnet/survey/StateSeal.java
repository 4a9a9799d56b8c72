package nl.vangnet.survey;

import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Seals a {@link RespondentState} into an opaque form value and opens it again. */
@Component
class StateSeal {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A state can be at most this large once sealed; anything bigger is not ours. */
    static final int MAX_SEALED_CHARS = 64 * 1024;

    private final SurveyCrypto crypto;

    StateSeal(SurveyCrypto crypto) {
        this.crypto = crypto;
    }

    String seal(RespondentState state) {
        byte[] cipher = crypto.encrypt(SurveyCrypto.Purpose.STATE, JSON.writeValueAsBytes(state));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cipher);
    }

    /** The state, or empty if the value was changed, truncated, too old a format or not ours. */
    Optional<RespondentState> open(String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_SEALED_CHARS) {
            return Optional.empty();
        }
        byte[] cipher;
        try {
            cipher = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return crypto.decrypt(SurveyCrypto.Purpose.STATE, cipher).flatMap(plain -> {
            try {
                return Optional.of(JSON.readValue(plain, RespondentState.class));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
