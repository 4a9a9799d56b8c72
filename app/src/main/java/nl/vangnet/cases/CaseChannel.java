package nl.vangnet.cases;

import java.util.List;

/** How the victim reached the organisation. */
public enum CaseChannel {
    PORTAL,
    PHONE,
    CHAT,
    WALK_IN,
    EMAIL,
    OTHER,
    IMPORT;

    /** The channels staff choose from when they open a case themselves. */
    public static List<CaseChannel> forStaff() {
        return List.of(PHONE, CHAT, WALK_IN, EMAIL, OTHER);
    }
}
