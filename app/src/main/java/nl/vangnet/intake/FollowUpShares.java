package nl.vangnet.intake;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Extension point of the follow-up page for shares the victim did not make on the portal herself:
 * a professional recorded her consent (by phone, in the chat, in a conversation) and shared her
 * case with another organisation, or referred her. The victim sees every such share with whom,
 * what and when, and can withdraw each one; the module that made the share ends it. Texts come
 * back in the page language; never staff notes or hand-over text.
 */
public interface FollowUpShares {

    /** The active shares of one help request made by staff with the victim's consent. */
    List<Share> sharesFor(HelpRequestId id, Locale locale);

    /** The victim withdraws one share; false when it is not this module's, unknown, or already ended. */
    boolean withdraw(HelpRequestId id, String shareId);

    /**
     * One share as the victim sees it.
     *
     * @param id opaque, unique across modules (prefixed with the module)
     * @param organisation the receiving organisation's name
     * @param parts what the organisation may see, in plain words
     * @param how how the consent was given, in plain words
     */
    record Share(String id, String organisation, List<String> parts, String how, Instant sharedAt) {
        public Share {
            parts = List.copyOf(parts);
        }
    }
}
