package nl.vangnet.survey;

import java.nio.ByteBuffer;
import nl.vangnet.shared.DataKeyColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the survey module keeps wrapped data keys: inside each sealed value ({@link SurveyCrypto}'s
 * {@code [key length][wrapped key][ciphertext]}), for free-text answers and interview contacts.
 * Page state sealed into respondents' browsers cannot be re-wrapped; it lasts hours, not months.
 */
@Configuration
class SurveyDataKeys {

    /** Reads and replaces the wrapped key of a sealed value. */
    static final DataKeyColumn.Format SEALED = new DataKeyColumn.Format() {
        @Override
        public byte[] wrappedKey(byte[] stored) {
            ByteBuffer buffer = ByteBuffer.wrap(stored);
            int length = Short.toUnsignedInt(buffer.getShort());
            if (length <= 0 || length > stored.length - 2) {
                throw new IllegalArgumentException("not a sealed value");
            }
            byte[] key = new byte[length];
            buffer.get(key);
            return key;
        }

        @Override
        public byte[] withWrappedKey(byte[] stored, byte[] wrappedKey) {
            int oldLength = Short.toUnsignedInt(ByteBuffer.wrap(stored).getShort());
            int cipherLength = stored.length - 2 - oldLength;
            return ByteBuffer.allocate(2 + wrappedKey.length + cipherLength)
                    .putShort((short) wrappedKey.length)
                    .put(wrappedKey)
                    .put(stored, 2 + oldLength, cipherLength)
                    .array();
        }
    };

    @Bean
    DataKeyColumn surveyAnswerTextKeys() {
        return new DataKeyColumn("survey.response", "id", "free_text", SEALED);
    }

    @Bean
    DataKeyColumn surveyInterviewContactKeys() {
        return new DataKeyColumn("survey.interview_contact", "id", "sealed", SEALED);
    }
}
