package nl.vangnet.intake;

/** What a consent allows. Nothing leaves a help request without an active consent of the right scope. */
public enum ConsentScope {
    /** The request goes into the hotline queue and professionals may read it and write back. */
    PROFESSIONAL_HELP,
    /** Professionals may see the contact details the victim left. */
    CONTACT_DETAILS,
    /** The request may be shared with one named organisation from the directory. */
    SHARE_WITH_ORGANISATION,
    /** Hashes of the victim's images, made on their device, may be shared with platforms to block re-uploads. */
    IMAGE_HASHES
}
