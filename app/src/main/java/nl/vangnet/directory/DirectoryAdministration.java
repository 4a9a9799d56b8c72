package nl.vangnet.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.taxonomy.Dimension;
import nl.vangnet.taxonomy.FormCode;
import nl.vangnet.taxonomy.LocalizedText;
import nl.vangnet.taxonomy.Taxonomies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' changes to the directory, each validated with every problem named at once. */
@Service
class DirectoryAdministration {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern WEBSITE =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/[^\\s<>\"]*)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final HelpOrganisations organisations;
    private final Taxonomies taxonomies;
    private final Clock clock;
    private final AuditTrail audit;

    DirectoryAdministration(HelpOrganisations organisations, Taxonomies taxonomies, Clock clock, AuditTrail audit) {
        this.organisations = organisations;
        this.taxonomies = taxonomies;
        this.clock = clock;
        this.audit = audit;
    }

    /** Thrown with the message keys of everything wrong. */
    static final class DirectoryProblem extends RuntimeException {
        private final List<String> messageKeys;

        DirectoryProblem(List<String> messageKeys) {
            super(String.join(",", messageKeys));
            this.messageKeys = List.copyOf(messageKeys);
        }

        List<String> messageKeys() {
            return messageKeys;
        }
    }

    /** What the edit form sends for an organisation. */
    record OrganisationForm(
            String name,
            String descriptionNl,
            String descriptionEn,
            String audience,
            List<String> forms,
            List<String> needs,
            List<String> relations,
            List<String> specialisms,
            String route,
            String minAge,
            String maxAge,
            String languages,
            String anonymous,
            String website,
            boolean active,
            String position) {}

    List<String> formCodes() {
        return taxonomies.current().codes().stream().map(FormCode::code).toList();
    }

    List<String> relationValues() {
        return taxonomies
                .current()
                .dimension("perpetratorRelation")
                .map(Dimension::valueCodes)
                .orElse(List.of());
    }

    /** The perpetrator relations with their labels, so the admin page shows words, not codes. */
    List<Dimension.Value> relations() {
        return taxonomies
                .current()
                .dimension("perpetratorRelation")
                .map(Dimension::values)
                .orElse(List.of());
    }

    @Transactional
    HelpOrganisation create(String slug, String name, String actor) {
        List<String> problems = new ArrayList<>();
        String s = slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(s).matches()) {
            problems.add("directory.admin.slug.invalid");
        } else if (organisations.bySlug(s).isPresent()) {
            problems.add("directory.admin.slug.taken");
        }
        if (!text(name, 2, 120)) {
            problems.add("directory.admin.name.invalid");
        }
        if (!problems.isEmpty()) {
            throw new DirectoryProblem(problems);
        }
        HelpOrganisation created = new HelpOrganisation(
                UUID.randomUUID(),
                s,
                name.strip(),
                new LocalizedText(name.strip(), name.strip()),
                HelpOrganisation.Audience.VICTIMS,
                Set.of(),
                Set.of(HelpNeed.NOT_SURE),
                Set.of(),
                Set.of(),
                HelpOrganisation.Route.SUPPORT,
                null,
                null,
                List.of("nl"),
                null,
                null,
                false,
                200,
                List.of());
        organisations.insert(created, clock.instant());
        changed(actor, s, "created");
        return created;
    }

    @Transactional
    HelpOrganisation update(String slug, OrganisationForm form, String actor) {
        HelpOrganisation current =
                organisations.bySlug(slug).orElseThrow(() -> new DirectoryProblem(List.of("directory.admin.unknown")));
        List<String> problems = new ArrayList<>();
        if (!text(form.name(), 2, 120)) {
            problems.add("directory.admin.name.invalid");
        }
        if (!text(form.descriptionNl(), 1, 1000) || !text(form.descriptionEn(), 1, 1000)) {
            problems.add("directory.admin.description.invalid");
        }
        HelpOrganisation.Audience audience = switch (form.audience()) {
            case "VICTIMS" -> HelpOrganisation.Audience.VICTIMS;
            case "OWN_BEHAVIOUR" -> HelpOrganisation.Audience.OWN_BEHAVIOUR;
            case "CRISIS" -> HelpOrganisation.Audience.CRISIS;
            default -> {
                problems.add("directory.admin.audience.invalid");
                yield current.audience();
            }
        };
        Set<String> forms = new LinkedHashSet<>(form.forms());
        if (!formCodes().containsAll(forms)) {
            problems.add("directory.admin.forms.invalid");
        }
        Set<HelpNeed> needs = new LinkedHashSet<>();
        for (String need : form.needs()) {
            HelpNeed.of(need).ifPresentOrElse(needs::add, () -> problems.add("directory.admin.needs.invalid"));
        }
        if (needs.isEmpty()) {
            problems.add("directory.admin.needs.missing");
        }
        Set<String> relations = new LinkedHashSet<>(form.relations());
        if (!relationValues().containsAll(relations)) {
            problems.add("directory.admin.relations.invalid");
        }
        Set<String> specialisms = new LinkedHashSet<>(form.specialisms());
        if (!formCodes().containsAll(specialisms)) {
            problems.add("directory.admin.specialisms.invalid");
        }
        HelpOrganisation.Route route = current.route();
        if (!form.route().isBlank()) {
            try {
                route = HelpOrganisation.Route.valueOf(form.route());
            } catch (IllegalArgumentException e) {
                problems.add("directory.admin.route.invalid");
            }
        }
        if (route == HelpOrganisation.Route.HOME && relations.isEmpty()) {
            problems.add("directory.admin.route.home-without-relations");
        }
        Integer minAge = age(form.minAge(), problems);
        Integer maxAge = age(form.maxAge(), problems);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            problems.add("directory.admin.age.order");
        }
        List<String> languages = new ArrayList<>();
        for (String language : form.languages().split("[,\\s]+")) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                continue;
            }
            if (!LANGUAGE.matcher(l).matches()) {
                problems.add("directory.admin.languages.invalid");
                break;
            }
            if (!languages.contains(l)) {
                languages.add(l);
            }
        }
        if (languages.isEmpty()) {
            problems.add("directory.admin.languages.invalid");
        }
        Boolean anonymous = switch (form.anonymous()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            case "unknown" -> null;
            default -> {
                problems.add("directory.admin.anonymous.invalid");
                yield null;
            }
        };
        String website = form.website().strip().toLowerCase(Locale.ROOT);
        if (!website.isEmpty()
                && (website.length() > 200 || !WEBSITE.matcher(website).matches())) {
            problems.add("directory.admin.website.invalid");
        }
        int position = 100;
        try {
            position = Integer.parseInt(form.position().strip());
            if (position < 0 || position > 10_000) {
                problems.add("directory.admin.position.invalid");
            }
        } catch (NumberFormatException e) {
            problems.add("directory.admin.position.invalid");
        }
        if (!problems.isEmpty()) {
            throw new DirectoryProblem(problems.stream().distinct().toList());
        }
        HelpOrganisation updated = new HelpOrganisation(
                current.id(),
                current.slug(),
                form.name().strip(),
                new LocalizedText(
                        form.descriptionNl().strip(), form.descriptionEn().strip()),
                audience,
                forms,
                needs,
                relations,
                specialisms,
                route,
                minAge,
                maxAge,
                languages,
                anonymous,
                website.isEmpty() ? null : website,
                form.active(),
                position,
                current.channels());
        organisations.update(updated, clock.instant());
        changed(
                actor,
                slug,
                updated.active() == current.active() ? "updated" : updated.active() ? "activated" : "deactivated");
        return updated;
    }

    @Transactional
    void addChannel(String slug, String type, String contact, boolean verified, String hours, String actor) {
        HelpOrganisation organisation =
                organisations.bySlug(slug).orElseThrow(() -> new DirectoryProblem(List.of("directory.admin.unknown")));
        Channel channel = channel(UUID.randomUUID(), type, contact, verified, hours);
        organisations.addChannel(
                organisation.id(), channel, organisation.channels().size() + 1);
        changed(actor, slug, "channel-added");
    }

    @Transactional
    void updateChannel(
            String slug, UUID channelId, String type, String contact, boolean verified, String hours, String actor) {
        HelpOrganisation organisation =
                organisations.bySlug(slug).orElseThrow(() -> new DirectoryProblem(List.of("directory.admin.unknown")));
        if (organisation.channels().stream().noneMatch(c -> c.id().equals(channelId))) {
            throw new DirectoryProblem(List.of("directory.admin.channel.unknown"));
        }
        organisations.updateChannel(channel(channelId, type, contact, verified, hours));
        changed(actor, slug, "channel-updated");
    }

    @Transactional
    void deleteChannel(String slug, UUID channelId, String actor) {
        HelpOrganisation organisation =
                organisations.bySlug(slug).orElseThrow(() -> new DirectoryProblem(List.of("directory.admin.unknown")));
        if (!organisations.deleteChannel(organisation.id(), channelId)) {
            throw new DirectoryProblem(List.of("directory.admin.channel.unknown"));
        }
        changed(actor, slug, "channel-deleted");
    }

    /**
     * Every change to the directory goes into the audit trail in the same transaction: victims are
     * sent to these addresses, so who changed one, and when, must be traceable.
     */
    private void changed(String actor, String slug, String change) {
        audit.record(
                actor, AuditAction.DIRECTORY_CHANGED, "directory-organisation", slug, null, Map.of("change", change));
    }

    private static Channel channel(UUID id, String type, String contact, boolean verified, String hours) {
        List<String> problems = new ArrayList<>();
        ChannelType parsedType = null;
        for (ChannelType t : ChannelType.values()) {
            if (t.name().equals(type)) {
                parsedType = t;
            }
        }
        if (parsedType == null) {
            problems.add("directory.admin.channel.type.invalid");
        }
        if (!text(contact, 2, 120)) {
            problems.add("directory.admin.channel.contact.invalid");
        }
        OpeningHours parsedHours = OpeningHours.UNKNOWN;
        try {
            parsedHours = OpeningHours.parse(hours);
        } catch (IllegalArgumentException e) {
            problems.add("directory.admin.channel.hours.invalid");
        }
        if (!problems.isEmpty()) {
            throw new DirectoryProblem(problems);
        }
        return new Channel(id, parsedType, contact.strip(), verified, parsedHours);
    }

    private static @Nullable Integer age(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int age = Integer.parseInt(value.strip());
            if (age < 0 || age > 120) {
                problems.add("directory.admin.age.invalid");
                return null;
            }
            return age;
        } catch (NumberFormatException e) {
            problems.add("directory.admin.age.invalid");
            return null;
        }
    }

    static boolean text(@Nullable String value, int min, int max) {
        if (value == null) {
            return false;
        }
        String s = value.strip();
        return s.length() >= min
                && s.length() <= max
                && s.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')
                && !s.contains("<");
    }
}
