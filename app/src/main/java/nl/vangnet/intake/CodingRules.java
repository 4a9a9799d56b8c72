package nl.vangnet.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vangnet.taxonomy.Coding;
import nl.vangnet.taxonomy.CodingProblem;
import nl.vangnet.taxonomy.FormCode;
import nl.vangnet.taxonomy.Taxonomies;
import nl.vangnet.taxonomy.TaxonomyVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns plain answers into a suggested taxonomy coding with explicit rules (taxonomy.md,
 * "precedence when several fit"; every rule is listed in docs/adr/0036). Each act the person
 * ticked becomes one code:
 *
 * <ul>
 *   <li>a threat to share unless they do something: money or goods → SXT-FIN; images, sexual acts
 *       or a meeting → SXT-SEX; a relationship, something else or an unknown demand → SXT-OTH;
 *       "they only threaten, they want nothing" → IBA-THR;
 *   <li>someone keeps asking for photos: GRM when an adult builds contact with a child (see
 *       {@link #adultContactWithChild}), else OSI-SOLICIT (also between children of about the same
 *       age: peer pressure is not grooming);
 *   <li>sexual remarks: SXC for a child under 16 unless the other person is a peer, GRM for a
 *       16- or 17-year-old and an adult, else OSI-HAR;
 *   <li>flattery or gifts, moving the chat to a private app, asking for secrecy, proposing to
 *       meet: GRM when an adult builds contact with a child; on their own they are no code for
 *       adults or peers;
 *   <li>shared → IBA-DIS; secretly recorded → IBA-CRT; fake image → IBA-FAB; made to do sexual
 *       things on camera → LIVE; fake profile → IMP; unwanted sexual pictures → OSI-FLASH.
 * </ul>
 *
 * The primary code is the first of those in the order {@link #PRECEDENCE} (a demand → SXT-*; a
 * child and contact-seeking → GRM/SXC; shared → IBA-DIS; made only → IBA-CRT/IBA-FAB; else
 * OSI-*); the others become secondary incidents. Nothing ticked, or only "something else",
 * gives OTH. Dimensions are derived only where an answer says so; dimensions the code requires
 * but the answers cannot tell are listed for a professional to confirm.
 */
@Component
class CodingRules {

    static final List<String> PRECEDENCE = List.of(
            "SXT-FIN",
            "SXT-SEX",
            "SXT-OTH",
            "GRM",
            "SXC",
            "IBA-DIS",
            "IBA-THR",
            "IBA-CRT",
            "IBA-FAB",
            "LIVE",
            "IMP",
            "OSI-SOLICIT",
            "OSI-FLASH",
            "OSI-HAR",
            "OTH");

    private static final Map<String, String> DEMAND_VALUES = Map.of(
            "money", "money",
            "images", "more-images",
            "sexual-acts", "sexual-acts-online",
            "meeting", "offline-meeting",
            "relationship", "relationship",
            "other", "other");

    private static final Map<String, String> PLATFORM_TYPES = Map.ofEntries(
            Map.entry("instagram", "social-media"),
            Map.entry("snapchat", "social-media"),
            Map.entry("tiktok", "social-media"),
            Map.entry("x", "social-media"),
            Map.entry("facebook", "social-media"),
            Map.entry("whatsapp", "messaging-e2ee"),
            Map.entry("telegram", "messaging-not-e2ee"),
            Map.entry("discord", "messaging-not-e2ee"),
            Map.entry("game", "gaming"),
            Map.entry("dating", "dating"),
            Map.entry("adult-site", "adult-site"),
            Map.entry("other", "other"),
            Map.entry("unsure", "unknown"));

    private static final Map<String, String> PLATFORM_NAMES = Map.of(
            "instagram", "Instagram",
            "snapchat", "Snapchat",
            "tiktok", "TikTok",
            "x", "X",
            "facebook", "Facebook",
            "whatsapp", "WhatsApp",
            "telegram", "Telegram",
            "discord", "Discord");

    private final Taxonomies taxonomies;

    CodingRules(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    SuggestedCoding suggest(IntakeAnswers answers) {
        TaxonomyVersion version = taxonomies.current();
        List<String> codes = codes(answers);
        String primary = codes.getFirst();
        Map<String, List<String>> candidates = dimensions(primary, answers);
        FormCode code = version.code(primary).orElseThrow();
        Map<String, List<String>> kept = new LinkedHashMap<>(candidates);
        List<String> toConfirm = new ArrayList<>();
        for (CodingProblem problem : taxonomies.validate(version, new Coding(primary, candidates))) {
            if (problem.type() == CodingProblem.Type.MANDATORY_MISSING) {
                toConfirm.add(problem.dimension());
            } else if (problem.dimension() != null) {
                kept.remove(problem.dimension());
            }
        }
        for (String mandatory : code.mandatory()) {
            if (!kept.containsKey(mandatory) && !toConfirm.contains(mandatory)) {
                toConfirm.add(mandatory);
            }
        }
        return new SuggestedCoding(version.version(), primary, kept, codes.subList(1, codes.size()), toConfirm);
    }

    /** The acts that show someone building contact with the person (grooming signs). */
    static final Set<String> CONTACT_BUILDING = Set.of("asking", "flattery", "private-chat", "secret", "meet");

    /** The codes that involve imagery of the person: for a minor these are child-abuse-material offences. */
    private static final Set<String> IMAGERY_CODES =
            Set.of("IBA-DIS", "IBA-CRT", "IBA-FAB", "IBA-THR", "SXT-SEX", "SXT-FIN", "SXT-OTH", "LIVE");

    static boolean under16(IntakeAnswers answers) {
        return "under-12".equals(answers.ageBand()) || "12-15".equals(answers.ageBand());
    }

    /**
     * The other person is a peer: about the same age, or a few years older but not an adult; or,
     * when their age was not given, someone from school, work or sport.
     */
    static boolean peer(IntakeAnswers answers) {
        String age = answers.otherPersonAge();
        if ("same-age".equals(age) || "older-minor".equals(age)) {
            return true;
        }
        return (age == null || age.equals("unknown")) && "peer-or-classmate".equals(answers.otherPerson());
    }

    /**
     * An adult builds contact with a child: the person is under 18 (or did not give an age) and
     * says the other person is an adult; or the person is under 16, the other person's age is not
     * known and they are not a peer (taxonomy.md: "a child under 16 and contact-seeking → GRM").
     */
    static boolean adultContactWithChild(IntakeAnswers answers) {
        if (answers.mayBeMinor() && "adult".equals(answers.otherPersonAge())) {
            return true;
        }
        String age = answers.otherPersonAge();
        return under16(answers) && (age == null || age.equals("unknown")) && !peer(answers);
    }

    /** Every code the answers point to, primary first (never empty). */
    static List<String> codes(IntakeAnswers answers) {
        Set<String> happened = answers.happened();
        boolean grooming = adultContactWithChild(answers);
        Set<String> codes = new LinkedHashSet<>();
        for (String act : happened) {
            switch (act) {
                case "threatened" -> codes.add(threatCode(answers.demand()));
                case "asking" -> codes.add(grooming ? "GRM" : "OSI-SOLICIT");
                case "remarks" -> {
                    if (under16(answers) && !peer(answers)) {
                        codes.add("SXC");
                    } else if (grooming) {
                        codes.add("GRM");
                    } else {
                        codes.add("OSI-HAR");
                    }
                }
                case "flattery", "private-chat", "secret", "meet" -> {
                    if (grooming) {
                        codes.add("GRM");
                    }
                }
                case "shared" -> codes.add("IBA-DIS");
                case "recorded" -> codes.add("IBA-CRT");
                case "fake" -> codes.add("IBA-FAB");
                case "camera" -> codes.add("LIVE");
                case "fake-profile" -> codes.add("IMP");
                case "received" -> codes.add("OSI-FLASH");
                default -> {
                    // "other" adds no code of its own: OTH only when nothing else fits.
                }
            }
        }
        if (answers.happened().contains("threatened") && answers.demand().contains("money")) {
            // Money plus another demand: the other demand is a second, sexual, extortion.
            if (answers.demand().stream()
                    .anyMatch(d -> d.equals("images") || d.equals("sexual-acts") || d.equals("meeting"))) {
                codes.add("SXT-SEX");
            }
        }
        List<String> ordered = new ArrayList<>(codes);
        ordered.sort(java.util.Comparator.comparingInt(PRECEDENCE::indexOf));
        if (ordered.isEmpty()) {
            ordered.add("OTH");
        }
        return ordered;
    }

    /**
     * An offence against a minor: grooming or sexual chat with a child whatever the age given, or,
     * for someone under 18, covert recording, forced sexual acts on camera, or any other imagery of
     * them (art. 252 Sr). For these the plan always offers Helpwanted and the police route.
     */
    static boolean offenceAgainstMinor(IntakeAnswers answers, List<String> codes) {
        if (codes.contains("GRM") || codes.contains("SXC")) {
            return true;
        }
        return answers.minor() && codes.stream().anyMatch(IMAGERY_CODES::contains);
    }

    /**
     * The furthest grooming phase the answers show: anything sexual → sexual stage; asking for
     * secrecy → exclusivity; flattery or gifts → relationship forming; else not known.
     */
    private static @Nullable String groomingPhase(Set<String> happened) {
        if (happened.stream().anyMatch(a -> a.equals("asking") || a.equals("remarks") || a.equals("camera"))) {
            return "sexual-stage";
        }
        if (happened.contains("secret")) {
            return "exclusivity";
        }
        if (happened.contains("flattery")) {
            return "relationship-forming";
        }
        return null;
    }

    private static String threatCode(Set<String> demand) {
        if (demand.contains("nothing")) {
            return "IBA-THR";
        }
        if (demand.contains("money")) {
            return "SXT-FIN";
        }
        if (demand.contains("images") || demand.contains("sexual-acts") || demand.contains("meeting")) {
            return "SXT-SEX";
        }
        return "SXT-OTH";
    }

    static Map<String, List<String>> dimensions(String code, IntakeAnswers answers) {
        Map<String, List<String>> d = new LinkedHashMap<>();
        String age = answers.ageBand() == null ? "unknown" : answers.ageBand();
        d.put("victimAgeAtIncident", List.of(age));
        d.put("victimAgeAtReport", List.of(age));
        Set<String> happened = answers.happened();
        String imagery;
        if (code.equals("IBA-FAB") || (happened.contains("fake") && !happened.contains("recorded"))) {
            imagery = "fabricated";
        } else if (code.equals("IBA-CRT") || code.equals("LIVE") || happened.contains("recorded")) {
            imagery = "real-covert-or-forced";
        } else {
            imagery = "unknown";
        }
        d.put("imagery", List.of(imagery));
        if (code.equals("IBA-CRT") || code.equals("IBA-FAB")) {
            d.put("producer", List.of("unknown"));
        }
        if ("yes".equals(answers.imagesOnline())) {
            d.put("reach", List.of("unknown"));
        } else if ("no".equals(answers.imagesOnline()) && !happened.contains("shared")) {
            d.put("reach", List.of("not-shared"));
        } else {
            d.put("reach", List.of("unknown"));
        }
        if (code.startsWith("SXT-")) {
            d.put(
                    "motive",
                    List.of(code.equals("SXT-FIN") ? "financial" : code.equals("SXT-SEX") ? "sexual" : "unknown"));
            List<String> demand = answers.demand().stream()
                    .map(DEMAND_VALUES::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            d.put("demand", demand.isEmpty() ? List.of("other") : demand);
        }
        if (answers.otherPerson() != null) {
            d.put("perpetratorRelation", List.of(answers.otherPerson()));
        }
        String phase = groomingPhase(happened);
        if (phase != null) {
            d.put("moPhase", List.of(phase));
        }
        List<String> markers = new ArrayList<>();
        if (happened.contains("private-chat")) {
            markers.add("public-to-private-chat");
        }
        if (!markers.isEmpty()) {
            d.put("moMarkers", markers);
        }
        List<String> types = answers.platforms().stream()
                .map(PLATFORM_TYPES::get)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (!types.isEmpty()) {
            d.put("platformType", types);
        }
        List<String> names = answers.platforms().stream()
                .map(PLATFORM_NAMES::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (names.size() == 1) {
            d.put("platformName", names);
        }
        return d;
    }
}
