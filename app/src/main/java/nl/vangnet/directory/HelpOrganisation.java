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
        languages = List.copyOf(languages);
        channels = List.copyOf(channels);
    }

    /** Who an organisation is meant for. */
    public enum Audience {
        VICTIMS,
        OWN_BEHAVIOUR
    }

    /** True when the organisation serves at least part of the age range [from, to]. */
    public boolean servesAges(int from, int to) {
        return (minAge == null || to >= minAge) && (maxAge == null || from <= maxAge);
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
