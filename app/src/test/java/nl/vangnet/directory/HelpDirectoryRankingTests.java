package nl.vangnet.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.vangnet.taxonomy.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The referral rules of docs/adr/0036, one rule per test, on a small made-up directory. */
class HelpDirectoryRankingTests {

    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");

    private static HelpOrganisation org(
            String slug,
            Set<HelpNeed> needs,
            Set<String> forms,
            Set<String> relations,
            Set<String> specialisms,
            HelpOrganisation.Route route,
            @Nullable Integer min,
            @Nullable Integer max,
            @Nullable Boolean anonymous,
            int position,
            Channel... channels) {
        return new HelpOrganisation(
                UUID.randomUUID(),
                slug,
                slug,
                new LocalizedText(slug, slug),
                HelpOrganisation.Audience.VICTIMS,
                forms,
                needs,
                relations,
                specialisms,
                route,
                min,
                max,
                List.of("nl"),
                anonymous,
                null,
                true,
                position,
                List.of(channels));
    }

    private static Channel phone(String number, OpeningHours hours) {
        return new Channel(UUID.randomUUID(), ChannelType.PHONE, number, true, hours);
    }

    private static final Set<String> ONLINE =
            Set.of("IBA-DIS", "IBA-THR", "SXT-FIN", "SXT-SEX", "GRM", "OSI-SOLICIT", "OSI-FLASH", "OTH");

    private final HelpOrganisation hotline = org(
            "hotline",
            Set.of(HelpNeed.REMOVE_IMAGES, HelpNeed.STOP_THREATS, HelpNeed.TALK, HelpNeed.NOT_SURE),
            Set.of(),
            Set.of(),
            ONLINE,
            HelpOrganisation.Route.SUPPORT,
            null,
            null,
            true,
            10,
            phone("020", OpeningHours.UNKNOWN));
    private final HelpOrganisation care = org(
            "care",
            Set.of(HelpNeed.TALK, HelpNeed.REPORT_POLICE, HelpNeed.NOT_SURE),
            Set.of(),
            Set.of(),
            Set.of(),
            HelpOrganisation.Route.SUPPORT,
            null,
            null,
            null,
            20,
            phone("0800", OpeningHours.ALWAYS));
    private final HelpOrganisation children = org(
            "children",
            Set.of(HelpNeed.TALK, HelpNeed.NOT_SURE),
            Set.of(),
            Set.of(),
            Set.of(),
            HelpOrganisation.Route.SUPPORT,
            8,
            17,
            true,
            25,
            phone("0800 0432", OpeningHours.parse("mon-sun 11:00-21:00")));
    private final HelpOrganisation youth = org(
            "youth",
            Set.of(HelpNeed.TALK),
            Set.of(),
            Set.of(),
            Set.of(),
            HelpOrganisation.Route.SUPPORT,
            null,
            25,
            true,
            45,
            phone("0900", OpeningHours.UNKNOWN));
    private final HelpOrganisation police = org(
            "police",
            Set.of(HelpNeed.REPORT_POLICE, HelpNeed.STOP_THREATS),
            Set.of(),
            Set.of(),
            Set.of(),
            HelpOrganisation.Route.REPORTING,
            null,
            null,
            false,
            50,
            phone("112", OpeningHours.ALWAYS),
            phone("0900 8844", OpeningHours.parse("mon-fri 09:00-17:00")));
    private final HelpOrganisation home = org(
            "home",
            Set.of(HelpNeed.TALK, HelpNeed.NOT_SURE),
            Set.of(),
            Set.of("family", "partner-or-ex"),
            Set.of(),
            HelpOrganisation.Route.HOME,
            null,
            null,
            true,
            60,
            phone("0800 2000", OpeningHours.ALWAYS));
    private final HelpOrganisation adultsHash = org(
            "adults-hash",
            Set.of(HelpNeed.REMOVE_IMAGES),
            Set.of("IBA-DIS"),
            Set.of(),
            Set.of(),
            HelpOrganisation.Route.SUPPORT,
            18,
            null,
            null,
            80);
    private final HelpOrganisation minorsHash = org(
            "minors-hash",
            Set.of(HelpNeed.REMOVE_IMAGES),
            Set.of("IBA-DIS", "SXT-FIN"),
            Set.of(),
            Set.of(),
            HelpOrganisation.Route.SUPPORT,
            null,
            17,
            true,
            90);

    private List<HelpOrganisation> all() {
        return List.of(hotline, care, children, youth, police, home, adultsHash, minorsHash);
    }

    private static List<String> slugs(List<HelpDirectory.Match> matches) {
        return matches.stream().map(m -> m.organisation().slug()).toList();
    }

    private List<HelpDirectory.Match> rank(HelpDirectory.HelpQuery query) {
        return HelpDirectory.rank(all(), query, MONDAY_10, 20);
    }

    private static HelpDirectory.HelpQuery query(
            Set<HelpNeed> needs,
            List<String> codes,
            @Nullable Integer from,
            @Nullable Integer to,
            @Nullable String relation,
            boolean danger,
            boolean minorOffence) {
        return new HelpDirectory.HelpQuery(needs, codes, from, to, relation, danger, minorOffence);
    }

    private static HelpDirectory.Match match(List<HelpDirectory.Match> matches, String slug) {
        return matches.stream()
                .filter(m -> m.organisation().slug().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anOrganisationIsOfferedOnlyForTheWholeAgeBand() {
        List<HelpDirectory.Match> minor =
                rank(query(Set.of(HelpNeed.REMOVE_IMAGES), List.of("IBA-DIS"), 16, 17, null, false, false));
        assertThat(slugs(minor)).contains("minors-hash", "hotline").doesNotContain("adults-hash");
        List<HelpDirectory.Match> adult =
                rank(query(Set.of(HelpNeed.REMOVE_IMAGES), List.of("IBA-DIS"), 18, 24, null, false, false));
        assertThat(slugs(adult)).contains("adults-hash").doesNotContain("minors-hash");
        // A service for people up to 25 is not for someone who said "25 or older".
        List<HelpDirectory.Match> older =
                rank(query(Set.of(HelpNeed.TALK), List.of("OTH"), 25, 120, null, false, false));
        assertThat(slugs(older)).doesNotContain("youth", "children");
        List<HelpDirectory.Match> young =
                rank(query(Set.of(HelpNeed.TALK), List.of("OTH"), 18, 24, null, false, false));
        assertThat(slugs(young)).contains("youth").doesNotContain("children");
        // Age not given: nothing is left out for age.
        assertThat(slugs(rank(query(Set.of(HelpNeed.TALK), List.of("OTH"), null, null, null, false, false))))
                .contains("youth", "children");
    }

    @Test
    void anOrganisationForOtherFormsIsLeftOut() {
        List<HelpDirectory.Match> flashing =
                rank(query(Set.of(HelpNeed.REMOVE_IMAGES), List.of("OSI-FLASH"), null, null, null, false, false));
        assertThat(slugs(flashing)).containsExactly("hotline");
    }

    @Test
    void theFamilyAndHomeServiceOnlyWhereFamilyOrHomeIsInvolved() {
        HelpDirectory.HelpQuery skipped = query(Set.of(), List.of("OTH"), null, null, null, false, false);
        assertThat(slugs(rank(skipped))).doesNotContain("home");
        HelpDirectory.HelpQuery stranger = query(Set.of(), List.of("OTH"), null, null, "stranger", false, false);
        assertThat(slugs(rank(stranger))).doesNotContain("home");
        List<HelpDirectory.Match> family =
                rank(query(Set.of(HelpNeed.TALK), List.of("IBA-DIS"), 12, 15, "family", false, false));
        assertThat(slugs(family)).startsWith("hotline", "home");
        assertThat(match(family, "home").reasons()).contains("relation", "need.talk");
    }

    @Test
    void theSpecialistForTheFormComesFirstWhateverNeedWasTicked() {
        List<HelpDirectory.Match> matches =
                rank(query(Set.of(HelpNeed.REPORT_POLICE), List.of("SXT-FIN"), 12, 15, null, false, false));
        assertThat(slugs(matches).getFirst()).isEqualTo("hotline");
        assertThat(matches.getFirst().reasons()).startsWith("specialist").doesNotContain("need.report-police");
        assertThat(matches.getFirst().tier()).isEqualTo(HelpDirectory.TIER_SPECIALIST);
        // A specialist for a secondary code still comes before everyone who only serves a need.
        HelpOrganisation imageSpecialist = org(
                "image-specialist",
                Set.of(HelpNeed.REMOVE_IMAGES),
                Set.of(),
                Set.of(),
                Set.of("IBA-DIS"),
                HelpOrganisation.Route.SUPPORT,
                null,
                null,
                null,
                99);
        List<HelpOrganisation> candidates = new ArrayList<>(all());
        candidates.add(imageSpecialist);
        List<HelpDirectory.Match> both = HelpDirectory.rank(
                candidates,
                query(Set.of(HelpNeed.TALK), List.of("SXT-FIN", "IBA-DIS"), 18, 24, null, false, false),
                MONDAY_10,
                20);
        assertThat(slugs(both)).startsWith("hotline", "image-specialist");
        assertThat(both.get(1).tier()).isEqualTo(HelpDirectory.TIER_SPECIALIST_SECONDARY);
    }

    @Test
    void anOffenceAgainstAMinorAlwaysOffersThePoliceRightAfterTheSpecialistWithoutTheEmergencyNumber() {
        List<HelpDirectory.Match> matches =
                rank(query(Set.of(HelpNeed.TALK), List.of("GRM"), 12, 15, "online-only-contact", false, true));
        assertThat(slugs(matches)).startsWith("hotline", "police");
        HelpDirectory.Match police = match(matches, "police");
        assertThat(police.reasons()).contains("minor-offence");
        assertThat(police.channels()).extracting(Channel::contact).containsExactly("0900 8844");
        // Without the offence and without a wish to report, the police are not offered for "talk".
        assertThat(slugs(rank(query(Set.of(HelpNeed.TALK), List.of("OSI-FLASH"), 18, 24, null, false, false))))
                .doesNotContain("police");
    }

    @Test
    void aWishToReportPutsThePoliceAfterTheSpecialist() {
        List<HelpDirectory.Match> matches = rank(
                query(Set.of(HelpNeed.REPORT_POLICE, HelpNeed.TALK), List.of("IBA-DIS"), 25, 120, null, false, false));
        assertThat(slugs(matches)).startsWith("hotline", "police", "care");
    }

    @Test
    void inDangerNowThePoliceComeFirstWithTwelveOneOne() {
        List<HelpDirectory.Match> matches = rank(query(Set.of(), List.of("OTH"), null, null, null, true, false));
        assertThat(slugs(matches)).startsWith("police", "hotline");
        assertThat(matches.getFirst().reasons()).startsWith("danger");
        assertThat(matches.getFirst().channels()).extracting(Channel::contact).contains("112");
    }

    @Test
    void withinATierMoreNeedsAgeOpenNowAndAnonymityCountThenTheDirectoryOrder() {
        List<HelpDirectory.Match> matches =
                rank(query(Set.of(HelpNeed.TALK, HelpNeed.NOT_SURE), List.of("IBA-DIS"), 12, 15, null, false, false));
        // children: 2 needs, for this age (closed at 10:00); care: 2 needs, open now (24/7); youth: 1 need.
        assertThat(slugs(matches)).containsExactly("hotline", "children", "care", "youth");
        assertThat(match(matches, "children").reasons())
                .containsExactly("need.talk", "need.not-sure", "age", "anonymous");
    }

    @Test
    void openNowFollowsTheClock() {
        HelpDirectory.HelpQuery query =
                query(Set.of(HelpNeed.REPORT_POLICE), List.of(), null, null, null, false, false);
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
    void noNeedsMeansNotSureAndTheEmergencyNumberIsRecognised() {
        assertThat(new HelpDirectory.HelpQuery(Set.of(), List.of(), null, null, null).needs())
                .containsExactly(HelpNeed.NOT_SURE);
        assertThat(phone("1 1 2", OpeningHours.ALWAYS).emergency()).isTrue();
        assertThat(phone("113", OpeningHours.ALWAYS).emergency()).isFalse();
        assertThat(new Channel(UUID.randomUUID(), ChannelType.CHAT, "112.nl", true, OpeningHours.ALWAYS).emergency())
                .isFalse();
    }

    @Test
    void chatsFormsAndWebsitesBecomeWebLinksAndPhonesTelLinks() {
        assertThat(new Channel(
                                UUID.randomUUID(),
                                ChannelType.FORM,
                                "helpwanted.nl (situatiecheck)",
                                true,
                                OpeningHours.ALWAYS)
                        .webHref())
                .isEqualTo("https://helpwanted.nl");
        assertThat(new Channel(UUID.randomUUID(), ChannelType.CHAT, "Kindertelefoon.nl/chat", true, OpeningHours.ALWAYS)
                        .webHref())
                .isEqualTo("https://kindertelefoon.nl/chat");
        assertThat(new Channel(UUID.randomUUID(), ChannelType.WALK_IN, "politiebureau", true, OpeningHours.UNKNOWN)
                        .webHref())
                .isNull();
        assertThat(phone("0800 0432", OpeningHours.ALWAYS).telHref()).isEqualTo("tel:08000432");
        assertThat(phone("0800 0432", OpeningHours.ALWAYS).webHref()).isNull();
    }
}
