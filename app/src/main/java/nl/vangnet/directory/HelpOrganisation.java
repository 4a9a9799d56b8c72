package nl.vangnet.directory;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.taxonomy.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * An organisation in the help directory.
 *
 * @param slug a stable, readable identifier (e.g. {@code helpwanted}) used in consents and links
 * @param audience who it is for: victims and people around them, or people worried about their
 *     own behaviour
 * @param forms the taxonomy codes it helps with; empty means every form
 * @param relations perpetrator relations (taxonomy values) it is especially for, e.g. family
 * @param specialisms the taxonomy codes it is the specialised service for: offered for them
 *     whatever need was ticked, and ranked first (docs/adr/0036)
 * @param route how the referral rules treat it: by need, as the police reporting route, or only
 *     where family or home is involved
 * @param minAge youngest age served, or null
 * @param maxAge oldest age served, or null
 * @param languages ISO language codes spoken
 * @param anonymous true or false when known, null when not known
 * @param website a web address without scheme, shown as text (never loaded)
 */
public record HelpOrganisation(
        UUID id,
        String slug,
        String name,
        LocalizedText description,
        Audience audience,
        Set<String> forms,
        Set<HelpNeed> needs,
        Set<String> relations,
        Set<String> specialisms,
        Route route,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        List<String> languages,
        @Nullable Boolean anonymous,
        @Nullable String website,
        boolean active,
        int position,
        List<Channel> channels) {

    public HelpOrganisation {
        forms = Set.copyOf(forms);
        needs = Set.copyOf(needs);
        relations = Set.copyOf(relations);
        specialisms = Set.copyOf(specialisms);
        languages = List.copyOf(languages);
        channels = List.copyOf(channels);
    }

    /**
     * Who an organisation is meant for: victims and the people around them; people worried about
     * their own behaviour; or anyone in acute distress or with thoughts of suicide (a crisis line,
     * shown on every plan rather than ranked).
     */
    public enum Audience {
        VICTIMS,
        OWN_BEHAVIOUR,
        CRISIS
    }

    /** How the referral rules treat an organisation (docs/adr/0036). */
    public enum Route {
        /** Offered when it serves one of the person's needs (or is a specialist for the form). */
        SUPPORT,
        /**
         * The police: offered to report (need "report to the police" or "stop the threats"), for
         * every offence against a minor, and in danger now; its emergency number only in danger.
         */
        REPORTING,
        /** Offered only where family or home is involved: the relation is one of its relations. */
        HOME
    }

    /**
     * True when the organisation serves the whole age range [from, to]: a service for people up to
     * 25 is not offered to someone who said "25 or older", nor one for adults to a 16-year-old.
     */
    public boolean servesAges(int from, int to) {
        return (minAge == null || from >= minAge) && (maxAge == null || to <= maxAge);
    }

    private static final java.util.regex.Pattern WEB_ADDRESS =
            java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/[^\\s<>\"]*)?");

    /** The website as a link target with https://, or null. */
    public @Nullable String websiteHref() {
        return website == null ? null : webHref(website);
    }

    /** A web address written without a scheme (as the directory stores them) as an https link, or null. */
    static @Nullable String webHref(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        return WEB_ADDRESS.matcher(a).matches() ? "https://" + a : null;
    }

    /**
     * Whether the age limits describe the person it serves, so pages show them ("for ages 8 to
     * 17"). For a service about particular images (it lists forms, like Take It Down) the limit is
     * the age at which the images were made, which its description says in words instead.
     */
    public boolean agesDescribePerson() {
        return (minAge != null || maxAge != null) && forms.isEmpty();
    }

    public String ageText() {
        if (minAge == null && maxAge == null) {
            return "";
        }
        if (maxAge == null) {
            return minAge + "+";
        }
        return (minAge == null ? 0 : minAge) + "–" + maxAge;
    }
}
