package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.vangnet.shared.FieldEncryption;
import org.junit.jupiter.api.Test;

class SurveyDataKeysTests {

    @Test
    void aSealedValueGetsANewWrappedKeyAndStillOpens() {
        FieldEncryption encryption = FieldEncryption.withRandomMasterKey();
        SurveyCrypto crypto = new SurveyCrypto(encryption);
        byte[] sealed =
                crypto.encrypt(SurveyCrypto.Purpose.ANSWER_TEXT, "mijn eigen woorden".getBytes(StandardCharsets.UTF_8));

        byte[] key = SurveyDataKeys.SEALED.wrappedKey(sealed);
        byte[] other = encryption.newDataKey();
        byte[] replaced = SurveyDataKeys.SEALED.withWrappedKey(sealed, encryption.rewrap(key));
        assertThat(SurveyDataKeys.SEALED.wrappedKey(replaced)).isNotEqualTo(key);
        assertThat(crypto.decrypt(SurveyCrypto.Purpose.ANSWER_TEXT, replaced))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("mijn eigen woorden"));
        // Another data key in its place does not open the text: the key really is the one inside.
        assertThat(crypto.decrypt(
                        SurveyCrypto.Purpose.ANSWER_TEXT, SurveyDataKeys.SEALED.withWrappedKey(sealed, other)))
                .isEmpty();
    }
}
