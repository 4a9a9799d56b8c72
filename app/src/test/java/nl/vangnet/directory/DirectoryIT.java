package nl.vangnet.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.audit.AuditEntry;
import nl.vangnet.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators edit the directory; "open now" follows the Clock bean in Dutch local time. */
@VangnetIntegrationTest
@AutoConfigureMockMvc
class DirectoryIT {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        volatile Instant now = LocalDateTime.parse("2026-11-23T10:00")
                .atZone(OpeningHours.ZONE)
                .toInstant();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    HelpDirectory directory;

    @Autowired
    AuditTrail audit;

    private Channel helpwantedPhone() {
        return directory.bySlug("helpwanted").orElseThrow().channels().stream()
                .filter(c -> c.type() == ChannelType.PHONE)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAdministratorSetsOpeningHoursAndOpenNowFollowsTheClock() throws Exception {
        Channel phone = helpwantedPhone();
        assertThat(phone.hours()).isEqualTo(OpeningHours.UNKNOWN);
        mvc.perform(get("/staff/admin/directory").with(user("beheer").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Helpwanted")));

        mvc.perform(post("/staff/admin/directory/helpwanted/channels/" + phone.id())
                        .with(user("beheer").roles("ADMIN"))
                        .with(csrf())
                        .param("type", "PHONE")
                        .param("contact", "020 261 52 75")
                        .param("verified", "true")
                        .param("hours", "mon-fri 09:00-17:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", true));

        assertThat(helpwantedPhone().hours().format()).startsWith("mon 09:00-17:00");
        assertThat(directory.openNow()).anyMatch(oc -> oc.organisation().slug().equals("helpwanted"));
        String open =
                mvc.perform(get("/api/v1/directory")).andReturn().getResponse().getContentAsString();
        assertThat(open).contains("\"contact\":\"020 261 52 75\"", "\"availability\":\"open\"");

        clock.now = LocalDateTime.parse("2026-11-23T18:00")
                .atZone(OpeningHours.ZONE)
                .toInstant();
        assertThat(directory.openNow()).noneMatch(oc -> oc.organisation().slug().equals("helpwanted"));
        assertThat(helpwantedPhone().availabilityAt(directory.now())).isEqualTo(Channel.Availability.CLOSED);
    }

    @Test
    void badInputIsRefusedWithAMessageAndOnlyAdministratorsMayEdit() throws Exception {
        Channel phone = helpwantedPhone();
        mvc.perform(post("/staff/admin/directory/helpwanted/channels/" + phone.id())
                        .with(user("beheer").roles("ADMIN"))
                        .with(csrf())
                        .param("type", "PHONE")
                        .param("contact", "020 261 52 75")
                        .param("hours", "elke dag"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", java.util.List.of("directory.admin.channel.hours.invalid")));

        mvc.perform(post("/staff/admin/directory/stopncii")
                        .with(user("beheer").roles("ADMIN"))
                        .with(csrf())
                        .param("name", "StopNCII.org")
                        .param("descriptionNl", "x")
                        .param("descriptionEn", "x")
                        .param("audience", "VICTIMS")
                        .param("needs", "remove-images")
                        .param("forms", "NOPE")
                        .param("minAge", "30")
                        .param("maxAge", "20")
                        .param("languages", "en")
                        .param("anonymous", "unknown")
                        .param("website", "https://stopncii.org")
                        .param("position", "80"))
                .andExpect(status().is(422))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Kies alleen vormen uit de lijst")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("De laagste leeftijd")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("zonder https://")));
        assertThat(directory.bySlug("stopncii").orElseThrow().minAge()).isEqualTo(18);

        mvc.perform(get("/staff/admin/directory").with(user("hulplijn").roles("HOTLINE")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/admin/directory")
                        .with(user("hulplijn").roles("HOTLINE"))
                        .with(csrf())
                        .param("slug", "nieuw")
                        .param("name", "Nieuw"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorAddsAnOrganisationThatStartsInactive() throws Exception {
        mvc.perform(post("/staff/admin/directory")
                        .with(user("beheer").roles("ADMIN"))
                        .with(csrf())
                        .param("slug", "nieuwe-hulp")
                        .param("name", "Nieuwe hulp"))
                .andExpect(status().is3xxRedirection());
        HelpOrganisation added = directory.bySlug("nieuwe-hulp").orElseThrow();
        assertThat(added.active()).isFalse();
        assertThat(directory.forVictims()).noneMatch(o -> o.slug().equals("nieuwe-hulp"));
        mvc.perform(post("/staff/admin/directory/nieuwe-hulp/channels")
                        .with(user("beheer").roles("ADMIN"))
                        .with(csrf())
                        .param("type", "CHAT")
                        .param("contact", "sense.info")
                        .param("hours", "24/7"))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.bySlug("nieuwe-hulp").orElseThrow().channels())
                .singleElement()
                .satisfies(c -> assertThat(c.hours()).isEqualTo(OpeningHours.ALWAYS));
        mvc.perform(get("/staff/admin/directory/nieuwe-hulp")
                        .with(user("beheer").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sense.info")));

        // Victims are sent to these addresses: every change is in the audit trail, with who made it.
        assertThat(audit.about("directory-organisation", "nieuwe-hulp"))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(tuple("beheer", "DIRECTORY_CHANGED"), tuple("beheer", "DIRECTORY_CHANGED"));
        assertThat(audit.about("directory-organisation", "nieuwe-hulp"))
                .extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("created"))
                .anySatisfy(d -> assertThat(d).contains("channel-added"));
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theSeedCarriesTheHelpRoutesAndOnlyPublishedOpeningHours() {
        HelpOrganisation helpwanted = directory.bySlug("helpwanted").orElseThrow();
        assertThat(helpwanted.name()).isEqualTo("Helpwanted (Offlimits)");
        assertThat(helpwanted.specialisms()).contains("SXT-FIN", "SXT-SEX", "GRM", "IBA-DIS", "OTH");
        assertThat(directory.bySlug("politie").orElseThrow().route()).isEqualTo(HelpOrganisation.Route.REPORTING);
        assertThat(directory.bySlug("veilig-thuis").orElseThrow().route()).isEqualTo(HelpOrganisation.Route.HOME);
        HelpOrganisation children = directory.bySlug("kindertelefoon").orElseThrow();
        assertThat(children.minAge()).isEqualTo(8);
        assertThat(children.maxAge()).isEqualTo(17);
        assertThat(children.channels())
                .allSatisfy(c -> assertThat(c.hours().format())
                        .isEqualTo(
                                "mon 11:00-21:00; tue 11:00-21:00; wed 11:00-21:00; thu 11:00-21:00; fri 11:00-21:00; "
                                        + "sat 11:00-21:00; sun 11:00-21:00"));
        assertThat(directory.crisisLines())
                .singleElement()
                .satisfies(o -> assertThat(o.channels())
                        .extracting(Channel::contact, c -> c.hours().kind())
                        .containsExactly(
                                tuple("113", OpeningHours.Kind.ALWAYS),
                                tuple("0800 0113", OpeningHours.Kind.ALWAYS),
                                tuple("113.nl", OpeningHours.Kind.ALWAYS)));
        assertThat(directory.forVictims()).noneMatch(o -> o.slug().equals("113"));
        // Hours nobody published stay unknown, so "open now" is never claimed for them (another test
        // here sets the phone's hours as an administrator would; the chat is untouched).
        assertThat(helpwanted.channels())
                .filteredOn(c -> c.type() == ChannelType.CHAT)
                .singleElement()
                .satisfies(c -> assertThat(c.hours()).isEqualTo(OpeningHours.UNKNOWN));
        // 112 is not among the lines "open now": pages say "in danger, call 112" on their own line.
        assertThat(directory.openNow()).noneMatch(oc -> oc.channel().emergency());
    }

    @Test
    void everyoneCanSeeAllActiveHelpOrganisationsOnOnePageInDutchAndEnglish() throws Exception {
        String dutch = mvc.perform(get("/hulpadressen"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dutch).contains("Alle hulpadressen", "Helpwanted", "Liever eerst een paar vragen");
        for (HelpOrganisation organisation : directory.forVictims()) {
            assertThat(dutch).contains(org.springframework.web.util.HtmlUtils.htmlEscape(organisation.name()));
        }
        directory.all().stream()
                .filter(o -> !o.active())
                .forEach(o -> assertThat(dutch).doesNotContain(">" + o.name() + "<"));
        // Websites and chats are links that load nothing until followed, and then without a referrer.
        assertThat(dutch).doesNotContainPattern("src=\"https?://");
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("<a[^>]*href=\"https://[^\"]*\"[^>]*>")
                .matcher(dutch);
        int external = 0;
        while (links.find()) {
            if (!links.group().contains("weeronline")) {
                assertThat(links.group()).contains("rel=\"noreferrer noopener\"");
                external++;
            }
        }
        assertThat(external).isGreaterThan(5);
        assertThat(dutch)
                .contains("href=\"tel:08000432\"", "href=\"https://kindertelefoon.nl\"", "Voor 8 tot en met 17 jaar")
                .contains("Denk je aan zelfdoding?", "113 Zelfmoordpreventie", "href=\"tel:113\"");

        String english = mvc.perform(get("/help-addresses").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("All places to get help", "Rather answer a few questions first");
    }
}
