package nl.vangnet.cases;

import java.util.List;

/** How the victim gave a consent: in the portal themselves, or to a professional who recorded it. */
public enum ConsentHow {
    PORTAL,
    PHONE,
    CHAT,
    MESSAGE,
    IN_PERSON,
    WRITTEN;

    public static List<ConsentHow> recordable() {
        return List.of(PHONE, CHAT, MESSAGE, IN_PERSON, WRITTEN);
    }
}
