package nl.vangnet.takedown;

/**
 * One URL as a victim sees it on their follow-up page: which site, which link, and where it stands
 * in plain words ("Verwijderd, 31 uur na ons verzoek"). Nothing else: no staff notes, no contact
 * details, no refusal reasons.
 *
 * @param site the site's name as people write it (Unicode for international domain names)
 * @param link the link, shortened for display
 * @param status the state in plain words, in the requested language
 * @param removed whether the content is gone
 */
public record VictimProgress(String site, String link, String status, boolean removed) {}
