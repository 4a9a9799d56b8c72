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
import org.springframework.stereotype.Component;

/**
 * Turns plain answers into a suggested taxonomy coding with explicit rules (taxonomy.md,
 * "precedence when several fit"). Each act the person ticked becomes one code:
 *
 * <ul>
 *   <li>a threat to share unless they do something: money or goods → SXT-FIN; images, sexual acts
 *       or a meeting → SXT-SEX; a relationship, something else or an unknown demand → SXT-OTH;
 *       "they only threaten, they want nothing" → IBA-THR;
 *   <li>someone keeps asking for photos: GRM for a child under 16, else OSI-SOLICIT;
 *   <li>sexual remarks: SXC for a child under 16, else OSI-HAR;
 *   <li>shared → IBA-DIS; secretly recorded → IBA-CRT; fake image → IBA-FAB; made to do sexual
 *       things on camera → LIVE; fake profile → IMP; unwanted sexual pictures → OSI-FLASH.
 * </ul>
 *
 * The primary code is the first of those in the order {@link #PRECEDENCE} (a demand → SXT-*; a
 * child under 16 and contact-seeking → GRM/SXC; shared → IBA-DIS; made only → IBA-CRT/IBA-FAB;
 * else OSI-*); the others become secondary incidents. Nothing ticked, or only "something else",
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

    /** Every code the answers point to, primary first (never empty). */
    static List<String> codes(IntakeAnswers answers) {
        Set<String> happened = answers.happened();
        boolean under16 = "under-12".equals(answers.ageBand()) || "12-15".equals(answers.ageBand());
        Set<String> codes = new LinkedHashSet<>();
        for (String act : happened) {
            switch (act) {
                case "threatened" -> codes.add(threatCode(answers.demand()));
                case "asking" -> codes.add(under16 ? "GRM" : "OSI-SOLICIT");
                case "remarks" -> codes.add(under16 ? "SXC" : "OSI-HAR");
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
