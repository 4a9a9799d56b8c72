package nl.vangnet.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vangnet.directory.HelpNeed;

/**
 * The guided questions, in the order they are asked, each with its coded options. The victim only
 * sees plain words (message keys {@code intake.q.<slug>.*}); the codes are what is stored, so
 * statistics never rest on free text. Every question can be skipped.
 */
enum Question {
    NOW("now", false, List.of("ongoing", "danger", "stopped", "unsure")),
    WHAT(
            "what",
            true,
            List.of(
                    "shared",
                    "threatened",
                    "asking",
                    "fake",
                    "recorded",
                    "camera",
                    "received",
                    "remarks",
                    "flattery",
                    "private-chat",
                    "secret",
                    "meet",
                    "fake-profile",
                    "other")),
    DEMAND("demand", true, List.of("money", "images", "sexual-acts", "meeting", "relationship", "other", "nothing")),
    IMAGES("images", false, List.of("yes", "no", "unsure", "no-images")),
    PLATFORMS(
            "platforms",
            true,
            List.of(
                    "instagram",
                    "snapchat",
                    "tiktok",
                    "whatsapp",
                    "telegram",
                    "discord",
                    "x",
                    "facebook",
                    "game",
                    "dating",
                    "adult-site",
                    "other",
                    "unsure")),
    AGE("age", false, List.of("under-12", "12-15", "16-17", "18-24", "25-plus")),
    WHO(
            "who",
            false,
            List.of(
                    "partner-or-ex",
                    "peer-or-classmate",
                    "family",
                    "acquaintance",
                    "online-only-contact",
                    "stranger",
                    "unknown")),
    /** Only for someone who may be a child: is the other person about their age, or an adult? */
    THEIR_AGE("their-age", false, List.of("same-age", "older-minor", "adult", "unknown")),
    NEED("need", true, Arrays.stream(HelpNeed.values()).map(HelpNeed::code).toList()),
    BARRIERS(
            "barriers",
            true,
            List.of(
                    "shame",
                    "not-serious",
                    "handle-alone",
                    "not-believed",
                    "blamed",
                    "family-reaction",
                    "spread-further",
                    "known-person",
                    "where-to-go",
                    "cost",
                    "normal",
                    "reporting-useless")),
    TOLD(
            "told",
            true,
            List.of(
                    "nobody",
                    "friend",
                    "family",
                    "partner",
                    "school",
                    "professional",
                    "helpline",
                    "police",
                    "platform"));

    /**
     * The barrier typology of Pijlman et al. (domain-facts 2.2): individual, practical,
     * interpersonal and sociocultural barriers, stored with each answer for research.
     */
    static final Map<String, String> BARRIER_CATEGORY = Map.ofEntries(
            Map.entry("shame", "individual"),
            Map.entry("not-serious", "individual"),
            Map.entry("handle-alone", "individual"),
            Map.entry("not-believed", "interpersonal"),
            Map.entry("blamed", "interpersonal"),
            Map.entry("family-reaction", "interpersonal"),
            Map.entry("spread-further", "interpersonal"),
            Map.entry("known-person", "interpersonal"),
            Map.entry("where-to-go", "practical"),
            Map.entry("cost", "practical"),
            Map.entry("normal", "sociocultural"),
            Map.entry("reporting-useless", "sociocultural"));

    private final String slug;
    private final boolean multiple;
    private final List<String> options;

    Question(String slug, boolean multiple, List<String> options) {
        this.slug = slug;
        this.multiple = multiple;
        this.options = options;
    }

    public String slug() {
        return slug;
    }

    public boolean multiple() {
        return multiple;
    }

    public List<String> options() {
        return options;
    }

    /** Optional questions say so on screen: they feed research, not the help plan. */
    public boolean optional() {
        return this == BARRIERS || this == TOLD;
    }

    static Optional<Question> bySlug(String slug) {
        return Arrays.stream(values()).filter(q -> q.slug.equals(slug)).findFirst();
    }

    /**
     * A follow-up question belongs to the question before it: it is asked only when that answer
     * calls for it, and it carries its parent's number ("question 2 of 9, follow-up"), so the
     * count never jumps when it appears or disappears.
     */
    public boolean followUp() {
        return this == DEMAND || this == THEIR_AGE;
    }

    /** The question a follow-up belongs to (itself for a main question). */
    Question parent() {
        return switch (this) {
            case DEMAND -> WHAT;
            case THEIR_AGE -> WHO;
            default -> this;
        };
    }

    /** The main questions, always asked in this order; their number is what the counter shows. */
    static List<Question> main() {
        return Arrays.stream(values()).filter(q -> !q.followUp()).toList();
    }

    /**
     * The questions that apply to these answers so far, in order: the demand only after a threat,
     * the other person's age only when the person may be a child (under 18 or age not given).
     */
    static List<Question> applicable(IntakeAnswers answers) {
        return Arrays.stream(values())
                .filter(q -> q != DEMAND || answers.happened().contains("threatened"))
                .filter(q -> q != THEIR_AGE || answers.mayBeMinor())
                .toList();
    }
}
