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
                        .param("slug", "sense")
                        .param("name", "Sense"))
                .andExpect(status().is3xxRedirection());
        HelpOrganisation sense = directory.bySlug("sense").orElseThrow();
        assertThat(sense.active()).isFalse();
        assertThat(directory.forVictims()).noneMatch(o -> o.slug().equals("sense"));
        mvc.perform(post("/staff/admin/directory/sense/channels")
                        .with(user("beheer").roles("ADMIN"))
                        .with(csrf())
                        .param("type", "CHAT")
                        .param("contact", "sense.info")
                        .param("hours", "24/7"))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.bySlug("sense").orElseThrow().channels())
                .singleElement()
                .satisfies(c -> assertThat(c.hours()).isEqualTo(OpeningHours.ALWAYS));
        mvc.perform(get("/staff/admin/directory/sense").with(user("beheer").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("sense.info")));

        // Victims are sent to these addresses: every change is in the audit trail, with who made it.
        assertThat(audit.about("directory-organisation", "sense"))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(tuple("beheer", "DIRECTORY_CHANGED"), tuple("beheer", "DIRECTORY_CHANGED"));
        assertThat(audit.about("directory-organisation", "sense"))
                .extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).contains("created"))
                .anySatisfy(d -> assertThat(d).contains("channel-added"));
        assertThat(audit.verify().intact()).isTrue();
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
        // Websites are text, never links or loads (only the quick-exit link leaves the site).
        assertThat(dutch).doesNotContainPattern("(src|href)=\"https?://(?!www\\.weeronline\\.nl)");

        String english = mvc.perform(get("/help-addresses").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("All places to get help", "Rather answer a few questions first");
    }
}
