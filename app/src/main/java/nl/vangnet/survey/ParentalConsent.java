package nl.vangnet.survey;

/**
 * What a campaign declares about respondents under 16 (the Dutch digital age of consent): they
 * are not asked at all, their parents or carers were informed beforehand and could object, or the
 * organiser collected their parents' or carers' permission beforehand.
 */
enum ParentalConsent {
    UNDER_16_EXCLUDED,
    PARENTS_INFORMED,
    PARENTS_CONSENTED;

    boolean admitsUnder16() {
        return this != UNDER_16_EXCLUDED;
    }
}
