package nl.vangnet.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import nl.vangnet.taxonomy.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The help directory as JSON for partner apps and chat services, with "open now" per channel. */
@RestController
@RequestMapping(path = "/api/v1/directory", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directory", description = "Help organisations, channels and opening hours")
class DirectoryApiController {

    private final HelpDirectory directory;

    DirectoryApiController(HelpDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(
            summary = "Every active help organisation with its channels; opening hours are Europe/Amsterdam "
                    + "local time and availability is computed for the moment of the request")
    DirectoryView list() {
        Instant now = directory.now();
        List<OrganisationView> organisations = directory.all().stream()
                .filter(HelpOrganisation::active)
                .map(o -> OrganisationView.of(o, now))
                .toList();
        return new DirectoryView(now, OpeningHours.ZONE.getId(), organisations);
    }

    record DirectoryView(Instant at, String timeZone, List<OrganisationView> organisations) {}

    record OrganisationView(
            String slug,
            String name,
            LocalizedText description,
            String audience,
            List<String> forms,
            List<String> needs,
            List<String> relations,
            List<String> specialisms,
            String route,
            @Nullable Integer minAge,
            @Nullable Integer maxAge,
            List<String> languages,
            @Nullable Boolean anonymous,
            @Nullable String website,
            List<ChannelView> channels) {

        static OrganisationView of(HelpOrganisation o, Instant now) {
            return new OrganisationView(
                    o.slug(),
                    o.name(),
                    o.description(),
                    o.audience().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    o.forms().stream().sorted().toList(),
                    o.needs().stream().map(HelpNeed::code).sorted().toList(),
                    o.relations().stream().sorted().toList(),
                    o.specialisms().stream().sorted().toList(),
                    o.route().name().toLowerCase(java.util.Locale.ROOT),
                    o.minAge(),
                    o.maxAge(),
                    o.languages(),
                    o.anonymous(),
                    o.website(),
                    o.channels().stream().map(c -> ChannelView.of(c, now)).toList());
        }
    }

    record ChannelView(
            String type,
            String contact,
            boolean verified,
            String hours,
            List<PeriodView> periods,
            String availability) {

        static ChannelView of(Channel c, Instant now) {
            return new ChannelView(
                    c.type().code(),
                    c.contact(),
                    c.verified(),
                    c.hours().kind().name().toLowerCase(java.util.Locale.ROOT),
                    c.hours().periods().stream()
                            .map(p -> new PeriodView(
                                    p.day().name().toLowerCase(java.util.Locale.ROOT), p.opens(), p.closes()))
                            .toList(),
                    c.availabilityAt(now).name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record PeriodView(String day, String opens, String closes) {}
}
