package nl.vangnet.survey;

/** Who a campaign is meant for. */
enum TargetGroup {
    PUPILS_12_15,
    PUPILS_16_18,
    STUDENTS,
    YOUNG_ADULTS,
    ADULTS,
    PROFESSIONALS
}
