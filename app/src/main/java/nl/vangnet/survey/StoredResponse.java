package nl.vangnet.survey;

import java.time.LocalDate;
import java.util.UUID;

/** A submitted questionnaire as the export reads it, free text already decrypted. */
record StoredResponse(
        UUID id,
        UUID linkId,
        String language,
        int ageGroup,
        LocalDate submittedOn,
        int durationSeconds,
        Answers answers,
        QualityFlags flags) {}
