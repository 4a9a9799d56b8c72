package nl.vangnet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.taxonomy.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class HelpDirectoryRankingTests {

    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");

    private static HelpOrganisation org(
            String slug,
            Set<HelpNeed> needs,
            Set<String> forms,
            Set<String> relations,
            @Nullable Integer min,
            @Nullable Integer max,
            @Nullable Boolean anonymous,
            int position,
            OpeningHours hours) {
        return new HelpOrganisation(
                UUID.randomUUID(),
                slug,
                slug,
                new LocalizedText(slug, slug),
                HelpOrganisation.Audience.VICTIMS,
                forms,
                needs,
                relations,
                min,
                max,
                List.of("nl"),
                anonymous,
                null,
                true,
                position,
                List.of(new Channel(UUID.randomUUID(), ChannelType.PHONE, "0800", true, hours)));
    }

    private final HelpOrganisation hotline = org(
            "hotline",
            Set.of(HelpNeed.REMOVE_IMAGES, HelpNeed.STOP_THREATS, HelpNeed.TALK),
            Set.of(),
            Set.of(),
            null,
            null,
            true,
            10,
            OpeningHours.UNKNOWN);
    private final HelpOrganisation adultsHash = org(
            "adults-hash",
            Set.of(HelpNeed.REMOVE_IMAGES),
            Set.of("IBA-DIS"),
            Set.of(),
            18,
            null,
            null,
            80,
            OpeningHours.ALWAYS);
    private final HelpOrganisation minorsHash = org(
            "minors-hash",
            Set.of(HelpNeed.REMOVE_IMAGES),
            Set.of("IBA-DIS"),
            Set.of(),
            null,
            17,
            true,
            90,
            OpeningHours.ALWAYS);
    private final HelpOrganisation home =
            org("home", Set.of(HelpNeed.TALK), Set.of(), Set.of("family"), null, null, true, 60, OpeningHours.ALWAYS);
    private final HelpOrganisation police = org(
            "police",
            Set.of(HelpNeed.REPORT_POLICE),
            Set.of(),
            Set.of(),
            null,
            null,
            false,
            50,
            OpeningHours.parse("mon-fri 09:00-17:00"));

    private List<String> slugs(List<HelpDirectory.Match> matches) {
        return matches.stream().map(m -> m.organisation().slug()).toList();
    }

    private List<HelpDirectory.Match> rank(HelpDirectory.HelpQuery query) {
        return HelpDirectory.rank(List.of(hotline, adultsHash, minorsHash, home, police), query, MONDAY_10, 10);
    }

    @Test
    void leavesOutOrganisationsOutsideThePersonsAge() {
        List<HelpDirectory.Match> minor =
                rank(new HelpDirectory.HelpQuery(Set.of(HelpNeed.REMOVE_IMAGES), List.of("IBA-DIS"), 16, 17, null));
        assertThat(slugs(minor)).contains("minors-hash", "hotline").doesNotContain("adults-hash");
        List<HelpDirectory.Match> adult =
                rank(new HelpDirectory.HelpQuery(Set.of(HelpNeed.REMOVE_IMAGES), List.of("IBA-DIS"), 18, 24, null));
        assertThat(slugs(adult)).contains("adults-hash").doesNotContain("minors-hash");
    }

    @Test
    void leavesOutOrganisationsForOtherFormsOrNeeds() {
        List<HelpDirectory.Match> flashing = rank(
                new HelpDirectory.HelpQuery(Set.of(HelpNeed.REMOVE_IMAGES), List.of("OSI-FLASH"), null, null, null));
        assertThat(slugs(flashing)).containsExactly("hotline");
        List<HelpDirectory.Match> police =
                rank(new HelpDirectory.HelpQuery(Set.of(HelpNeed.REPORT_POLICE), List.of("OTH"), null, null, null));
        assertThat(slugs(police)).containsExactly("police");
    }

    @Test
    void ranksByNeedsServedThenRelationOpenNowAndAnonymityWithReasons() {
        List<HelpDirectory.Match> matches = rank(new HelpDirectory.HelpQuery(
                Set.of(HelpNeed.TALK, HelpNeed.STOP_THREATS), List.of("SXT-FIN"), 12, 15, "family"));
        assertThat(slugs(matches)).containsExactly("home", "hotline");
        assertThat(matches.get(0).reasons()).containsExactly("need.talk", "relation", "open-now", "anonymous");
        assertThat(matches.get(1).reasons()).containsExactly("need.stop-threats", "need.talk", "anonymous");
        assertThat(matches.get(1).score()).isEqualTo(2 * HelpDirectory.NEED_WEIGHT + HelpDirectory.ANONYMOUS_WEIGHT);
    }

    @Test
    void openNowFollowsTheClock() {
        HelpDirectory.HelpQuery query =
                new HelpDirectory.HelpQuery(Set.of(HelpNeed.REPORT_POLICE), List.of(), null, null, null);
        assertThat(HelpDirectory.rank(List.of(police), query, MONDAY_10, 5)
                        .getFirst()
                        .reasons())
                .contains("open-now");
        assertThat(HelpDirectory.rank(List.of(police), query, Instant.parse("2026-11-23T19:00:00Z"), 5)
                        .getFirst()
                        .reasons())
                .doesNotContain("open-now");
    }

    @Test
    void noNeedsMeansNotSure() {
        assertThat(new HelpDirectory.HelpQuery(Set.of(), List.of(), null, null, null).needs())
                .containsExactly(HelpNeed.NOT_SURE);
    }
}
