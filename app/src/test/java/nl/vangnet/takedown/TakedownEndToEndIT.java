package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vangnet.Http;
import nl.vangnet.MovableClock;
import nl.vangnet.VangnetIntegrationTest;
import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.CaseRouting;
import nl.vangnet.cases.CaseSummary;
import nl.vangnet.identity.ApiClientManagement;
import nl.vangnet.identity.ApiScope;
import nl.vangnet.identity.OrganisationKind;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.intake.IntakeManagement;
import nl.vangnet.pdq.PdqHash;
import nl.vangnet.shared.Languages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole takedown path with real servers on 127.0.0.1: two "hosts" serving an image, an RDAP
 * server with bootstrap files, and an SMTP server (GreenMail). Names like host-a.test resolve to
 * 127.0.0.1 through the test resolver; the clock is moved by hand and the jobs run by hand.
 */
@VangnetIntegrationTest
@Import(TakedownTestConfiguration.class)
@RecordApplicationEvents
class TakedownEndToEndIT {

    private static final byte[] IMAGE = TestImages.png(42);
    private static final PdqHash IMAGE_HASH = TestImages.hash(IMAGE);

    private static final AtomicBoolean HOST_A_SERVES = new AtomicBoolean(true);
    private static final AtomicInteger RDAP_QUERIES = new AtomicInteger();
    private static final LocalHttp HOST_A = imageHost(HOST_A_SERVES);
    private static final LocalHttp HOST_B = imageHost(new AtomicBoolean(true));
    private static final LocalHttp HOST_C = imageHost(new AtomicBoolean(true));
    private static final LocalHttp RDAP = new LocalHttp();
    private static final int SMTP_PORT = freePort();
    private static GreenMail greenMail = startMail();

    static {
        String rdapBase = RDAP.base() + "/rdap/";
        RDAP.handle("/bootstrap/ipv4.json", e -> LocalHttp.send(e, 200, "application/json", """
                        {"version": "1.0", "publication": "2026-11-01T00:00:00Z", "description": "test",
                         "services": [[["127.0.0.0/8"], ["%s"]]]}""".formatted(rdapBase)))
                .handle(
                        "/bootstrap/ipv6.json",
                        e -> LocalHttp.send(e, 200, "application/json", """
                        {"version": "1.0", "publication": "2026-11-01T00:00:00Z",
                         "services": [[["::1/128"], ["%s"]]]}""".formatted(rdapBase)))
                .handle("/bootstrap/dns.json", e -> LocalHttp.send(e, 200, "application/json", """
                        {"version": "1.0", "publication": "2026-11-01T00:00:00Z",
                         "services": [[["test"], ["%s"]]]}""".formatted(rdapBase)))
                .handle("/rdap/ip/", e -> {
                    RDAP_QUERIES.incrementAndGet();
                    LocalHttp.send(e, 200, "application/rdap+json", """
                            {"objectClassName": "ip network", "handle": "TEST-NET", "name": "TESTHOSTING-NET",
                             "country": "NL", "entities": [{"roles": ["registrant"],
                               "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Testhosting B.V."]]],
                               "entities": [{"roles": ["abuse"],
                                 "vcardArray": ["vcard", [["email", {}, "text", "abuse@testhosting.test"]]]}]}]}""");
                });
    }

    private static LocalHttp imageHost(AtomicBoolean serving) {
        return new LocalHttp().handle("/img/", e -> {
            if (serving.get()) {
                LocalHttp.send(e, 200, "image/png", IMAGE);
            } else {
                LocalHttp.send(e, 404, "text/html", "<h1>Not found</h1>");
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("vangnet.takedown.jobs.enabled", () -> "false");
        registry.add("vangnet.takedown.fetch.allow-loopback", () -> "true");
        registry.add("vangnet.takedown.rdap.bootstrap-base-url", () -> RDAP.base() + "/bootstrap/");
        registry.add("vangnet.takedown.notifier.name", () -> "Hulplijn Test");
        registry.add("vangnet.takedown.notifier.email", () -> "meldingen@hulplijn.test");
        registry.add("vangnet.takedown.mail.from", () -> "noreply@hulplijn.test");
        registry.add("vangnet.takedown.escalation.name", () -> "Meldpunt Test");
        registry.add("vangnet.takedown.escalation.email", () -> "escalatie@meldpunt.test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> String.valueOf(SMTP_PORT));
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
    }

    @AfterAll
    static void stopServers() {
        greenMail.stop();
        HOST_A.close();
        HOST_B.close();
        HOST_C.close();
        RDAP.close();
    }

    @Autowired
    TakedownFollowUpPanel followUpPanels;

    @Autowired
    TakedownDesk desk;

    @Autowired
    TakedownJobs jobs;

    @Autowired
    Takedowns takedowns;

    @Autowired
    Notices notices;

    @Autowired
    Platforms platforms;

    @Autowired
    RdapBootstraps bootstraps;

    @Autowired
    TakedownTracking tracking;

    @Autowired
    MovableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    StaffManagement staff;

    @Autowired
    ApiClientManagement apiClients;

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    TakedownCasePanel casePanel;

    @Autowired
    TakedownCases takedownCases;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** The hotline that receives the portal's cases and works on takedown, with one caseworker. */
    private static TakedownStaff staffMember;

    private Actor hotline;

    @BeforeEach
    void loadTheLocalBootstrapFiles() {
        assertThat(bootstraps.refresh().failed()).isEmpty();
        if (staffMember == null) {
            staffMember = TakedownStaff.hotline(staff, "Hulplijn Takedown");
            CaseRouting.portalCasesTo(context, staffMember.organisation().id());
        }
        hotline = staffMember.actor();
    }

    /** A new case of the hotline, by its reference. */
    private String newCase() {
        return staffMember.phoneCase(cases).reference();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 15 s").isTrue();
    }

    private static String url(LocalHttp host, String name, String path) {
        return "http://" + name + ":" + host.port() + path;
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(
                                        a -> ((InternetAddress) a).getAddress().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TakedownRequest only(CaseRef caseRef, String host) {
        List<TakedownRequest> found = takedowns.ofCase(caseRef).stream()
                .filter(r -> r.host().equals(host))
                .toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aRemovedImageIsMeasuredAndAHostThatNeverAnswersIsEscalated() throws Exception {
        Instant t0 = clock.instant();
        int rdapQueriesBefore = RDAP_QUERIES.get();
        platforms.save(
                null,
                new Platforms.PlatformForm(
                        "Beeldplank", "host-b.test", "US", "en", "flagger@beeldplank.test", "", "", "", true),
                "admin");

        // The victim asked for help on the portal (without links); the hotline adds the links it found.
        IntakeManagement.Submission portal = TakedownStaff.helpRequest(intake, List.of(), false);
        UUID helpRequest = portal.id().value();
        CaseId caseId = CaseRouting.caseOf(context, portal.id());
        String reference = cases.owned(staffMember.viewer(), caseId).reference();
        String a = url(HOST_A, "host-a.test", "/img/1.png");
        String b1 = url(HOST_B, "host-b.test", "/img/2.png");
        String b2 = url(HOST_B, "host-b.test", "/img/3.png?size=large");
        String pasted =
                String.join("\n", a, b1, "ftp://host-a.test/1.png", b2 + "#fragment", a.replace("http:", "https:"));
        TakedownDesk.Submission submission =
                desk.submit(new TakedownDesk.NewRequests(reference, "IBA-DIS", false, pasted, ""), hotline);
        CaseRef caseRef = submission.caseRef();
        assertThat(caseRef.value()).isEqualTo(caseId.value());
        assertThat(submission.caseReference()).isEqualTo(reference);

        assertThat(submission.created()).hasSize(3);
        assertThat(submission.invalid()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.messageKey()).isEqualTo("takedown.url.problem.not-http");
        });
        assertThat(submission.duplicates())
                .singleElement()
                .satisfies(r -> assertThat(r.messageKey()).isEqualTo("takedown.url.duplicate.input"));
        TakedownRequest requestA = only(caseRef, "host-a.test");
        assertThat(requestA.contact().source()).isEqualTo(HostContact.Source.RDAP);
        assertThat(requestA.contact().address()).isEqualTo("abuse@testhosting.test");
        assertThat(requestA.contact().provider()).isEqualTo("Testhosting B.V.");
        assertThat(requestA.contact().language()).isEqualTo("nl");
        assertThat(takedowns.ofCase(caseRef).stream().filter(r -> r.host().equals("host-b.test")))
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.contact().source()).isEqualTo(HostContact.Source.DIRECTORY);
                    assertThat(r.contact().address()).isEqualTo("flagger@beeldplank.test");
                    assertThat(r.contact().language()).isEqualTo("en");
                });
        // One network behind all hosts: at most one RDAP query, the rest from the cache.
        assertThat(RDAP_QUERIES.get() - rdapQueriesBefore).isLessThanOrEqualTo(1);
        assertThat(events.stream(TakedownRequested.class)
                        .filter(e -> e.caseRef().equals(caseRef)))
                .hasSize(3);

        desk.addHashes(caseRef, List.of(IMAGE_HASH), "mia");
        jobs.round();
        assertThat(takedowns.ofCase(caseRef))
                .allSatisfy(r -> assertThat(r.lastCheckOutcome()).isEqualTo("ONLINE_MATCH"));

        assertThat(desk.drafts(caseRef, hotline)).hasSize(2);
        desk.sendNotice(caseRef, "host-a.test", HostContact.Channel.EMAIL, false, hotline);
        desk.sendNotice(caseRef, "host-b.test", HostContact.Channel.EMAIL, false, hotline);

        // Dutch notice to the hosting provider found through RDAP, with every article 16 element.
        MimeMessage toA = mailTo("abuse@testhosting.test").stream()
                .filter(m -> text(m).contains(a))
                .findFirst()
                .orElseThrow();
        String noticeA = text(toA);
        assertThat(toA.getSubject()).contains("Verwijderverzoek", "artikel 16 DSA", "host-a.test");
        assertThat(((InternetAddress) toA.getFrom()[0]).getAddress()).isEqualTo("noreply@hulplijn.test");
        assertThat(((InternetAddress) toA.getReplyTo()[0]).getAddress()).isEqualTo("meldingen@hulplijn.test");
        assertThat(noticeA)
                .contains("artikel 16 van Verordening (EU) 2022/2065")
                .contains("1. " + a) // (b) the exact URL
                .contains("Ongewenste verspreiding van intiem beeld (IBA-DIS)") // (a) why illegal …
                .contains("Gerelateerde artikelen (Wetboek van Strafrecht): 139h lid 2 Sr") // … with the articles
                .contains("geen toestemming")
                .contains("Naam: Hulplijn Test", "E-mail: meldingen@hulplijn.test") // (c) notifier
                .contains(
                        "te goeder trouw dat de informatie en beweringen in deze melding juist en volledig zijn") // (d)
                .doesNotContain(b1);

        // One English notice for the platform from the directory, with both of its URLs.
        List<MimeMessage> toB = mailTo("flagger@beeldplank.test");
        assertThat(toB).hasSize(1);
        String noticeB = text(toB.getFirst());
        assertThat(noticeB)
                .contains("Article 16 of Regulation (EU) 2022/2065")
                .contains(b1, b2.replace("#fragment", ""))
                .doesNotContain("#fragment")
                .contains("Non-consensual sharing of intimate imagery (IBA-DIS)")
                .contains("Name: Hulplijn Test")
                .contains(
                        "in good faith that the information and allegations in this notice are accurate and complete");

        // The stored notice is exactly what went out.
        Notice storedA = notices.ofRequest(requestA.id()).getFirst();
        assertThat(storedA.delivery()).isEqualTo("SENT");
        assertThat(desk.noticeBody(storedA)).isEqualTo(noticeA.strip());
        assertThat(only(caseRef, "host-a.test").status()).isEqualTo(TakedownStatus.SENT);
        assertThat(only(caseRef, "host-a.test").deadlineAt()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(tracking.progressForHelpRequest(helpRequest, Languages.DUTCH))
                .hasSize(3)
                .allSatisfy(p -> assertThat(p.status()).startsWith("We hebben de website gevraagd"));

        // 13 hours later nothing happened: one reminder per notice, no second one.
        clock.advance(Duration.ofHours(13));
        jobs.round();
        assertThat(mailTo("flagger@beeldplank.test")).hasSize(2);
        assertThat(mailTo("flagger@beeldplank.test").get(1).getSubject()).startsWith("Reminder");
        clock.advance(Duration.ofHours(1));
        jobs.round();
        assertThat(mailTo("flagger@beeldplank.test")).hasSize(2);

        // Host A takes the image down; 31 hours after the notice the check sees it.
        HOST_A_SERVES.set(false);
        clock.advance(Duration.ofHours(17));
        jobs.round();

        TakedownRequest removed = only(caseRef, "host-a.test");
        assertThat(removed.status()).isEqualTo(TakedownStatus.REMOVED);
        assertThat(removed.lastCheckOutcome()).isEqualTo("GONE");
        assertThat(removed.timeToRemoval()).isEqualTo(Duration.ofHours(31));
        assertThat(events.stream(TakedownRemoved.class)
                        .filter(e -> e.requestId().equals(removed.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.secondsToRemoval()).isEqualTo(31 * 3600L);
                    assertThat(e.host()).isEqualTo("host-a.test");
                    assertThat(e.formCode()).isEqualTo("IBA-DIS");
                    assertThat(e.detectedBy()).isEqualTo("RECHECK");
                });

        // Host B never answered: past the 24-hour deadline it is escalated, one notice for both URLs.
        assertThat(takedowns.ofCase(caseRef).stream().filter(r -> r.host().equals("host-b.test")))
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(TakedownStatus.ESCALATED);
                    assertThat(r.noResponseAt()).isEqualTo(clock.instant());
                    assertThat(takedowns.history(r.id()))
                            .extracting(Takedowns.StatusChange::status)
                            .containsSubsequence("SENT", "REMINDER_SENT", "NO_RESPONSE", "ESCALATED");
                });
        List<MimeMessage> escalations = mailTo("escalatie@meldpunt.test").stream()
                .filter(m -> text(m).contains(b1))
                .toList();
        assertThat(escalations).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).contains("Escalatie", "host-b.test");
            assertThat(text(m)).contains(b2.replace("#fragment", ""), "Beeldplank", "Geen reactie");
        });
        assertThat(events.stream(TakedownEscalated.class)
                        .filter(e -> e.caseRef().equals(caseRef)))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.automatic()).isTrue());
        assertThat(mailTo("abuse@testhosting.test").stream().filter(m -> text(m).contains(a)))
                .hasSize(2); // the notice and its reminder; no escalation for the removed image

        // What the victim sees, in plain words and without any staff detail.
        List<VictimProgress> progress = tracking.progressForHelpRequest(helpRequest, Languages.DUTCH);
        assertThat(progress)
                .extracting(VictimProgress::status)
                .contains("Verwijderd, 31 uur na ons verzoek.")
                .contains("We hebben een instantie ingeschakeld die de website kan dwingen het te verwijderen.");
        assertThat(tracking.progressForHelpRequest(helpRequest, Languages.ENGLISH))
                .extracting(VictimProgress::status)
                .contains("Removed 31 hours after our request.");
        assertThat(progress.toString()).doesNotContain("flagger@", "abuse@", "Testhosting");

        // The portal's follow-up page shows the same lines through its extension point.
        assertThat(followUpPanels.panelsFor(new nl.vangnet.intake.HelpRequestId(helpRequest), Languages.DUTCH))
                .singleElement()
                .satisfies(panel -> {
                    assertThat(panel.title()).isEqualTo("Je beelden offline halen");
                    assertThat(panel.lines()).hasSize(progress.size());
                    assertThat(panel.lines())
                            .extracting(nl.vangnet.intake.FollowUpPanels.Line::status)
                            .contains("Verwijderd, 31 uur na ons verzoek.");
                    assertThat(panel.lines()).anyMatch(nl.vangnet.intake.FollowUpPanels.Line::done);
                });
        assertThat(followUpPanels.panelsFor(new nl.vangnet.intake.HelpRequestId(UUID.randomUUID()), Languages.DUTCH))
                .isEmpty();

        // The case page shows the sites and statuses to the hotline (never the URLs).
        assertThat(casePanel.panels(staffMember.viewer(), cases.owned(staffMember.viewer(), caseId)))
                .singleElement()
                .satisfies(panel -> {
                    assertThat(panel.template()).isEqualTo("takedown/case-panel");
                    assertThat((List<?>) panel.model().get("lines"))
                            .extracting(l -> ((TakedownCasePanel.Line) l).status())
                            .containsExactlyInAnyOrder(
                                    TakedownStatus.REMOVED, TakedownStatus.ESCALATED, TakedownStatus.ESCALATED);
                    assertThat(panel.model().toString()).doesNotContain("/img/");
                });

        // The victim deletes their help request: the cases module erases their data from the case,
        // and with it go the takedown requests, notices, hashes and the case's data key. What the
        // figures need of the three sent requests stays, without any link to the case.
        long outcomesBefore = jdbc.sql("SELECT count(*) FROM takedown.erased_outcome")
                .query(Long.class)
                .single();
        assertThat(intake.delete(portal.id())).isTrue();
        waitFor(() -> takedowns.ofCase(caseRef).isEmpty());
        assertThat(tracking.progressForHelpRequest(helpRequest, Languages.DUTCH))
                .isEmpty();
        assertThat(notices.ofCase(caseRef)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM takedown.case_key WHERE case_ref = :ref")
                        .param("ref", caseRef.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM takedown.case_hash WHERE case_ref = :ref")
                        .param("ref", caseRef.value())
                        .query(Long.class)
                        .single())
                .isZero();
        waitFor(() -> jdbc.sql("SELECT count(*) FROM takedown.erased_outcome")
                        .query(Long.class)
                        .single()
                == outcomesBefore + 3);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM takedown.erased_outcome WHERE removed_at IS NOT NULL AND host = 'host-a.test'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theLinksAVictimGivesOnThePortalBecomeDraftsOfTheirCase() throws Exception {
        String a = url(HOST_A, "host-a.test", "/img/portal-1.png");
        String b = url(HOST_B, "host-b.test", "/img/portal-2.png");
        IntakeManagement.Submission portal =
                TakedownStaff.helpRequest(intake, List.of(a, b, a.replace("http:", "https:"), "geen link"), true);
        CaseId caseId = CaseRouting.caseOf(context, portal.id());
        CaseRef caseRef = new CaseRef(caseId.value());
        waitFor(() -> takedowns.ofCase(caseRef).size() == 2);

        CaseSummary summary = cases.owned(staffMember.viewer(), caseId);
        assertThat(takedowns.ofCase(caseRef)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(TakedownStatus.DRAFT);
            assertThat(r.organisationId())
                    .isEqualTo(staffMember.organisation().id().value());
            assertThat(r.helpRequestRef()).isEqualTo(portal.id().value());
            assertThat(r.formCode()).isEqualTo(summary.primaryCode());
            assertThat(r.createdBy()).isEqualTo("system");
        });
        assertThat(takedowns.ofCase(caseRef))
                .extracting(TakedownRequest::host)
                .containsExactlyInAnyOrder("host-a.test", "host-b.test");
        // Nothing went out: staff check the drafts and send the notices.
        assertThat(notices.ofCase(caseRef)).isEmpty();
        assertThat(mailTo("abuse@testhosting.test").stream().filter(m -> text(m).contains("/img/portal-")))
                .isEmpty();
        // The victim already sees that their links are being worked on.
        assertThat(tracking.progressForHelpRequest(portal.id().value(), Languages.DUTCH))
                .hasSize(2);
        assertThat(desk.drafts(caseRef, hotline)).hasSize(2);

        assertThat(casePanel.panels(staffMember.viewer(), summary))
                .singleElement()
                .satisfies(panel -> {
                    assertThat((List<?>) panel.model().get("lines")).hasSize(2);
                    assertThat(panel.model().get("portalLinks")).isEqualTo(4);
                    assertThat(panel.model().get("reference")).isEqualTo(summary.reference());
                });
    }

    @Test
    void withoutARemovalRequestTheVictimsLinksWaitForStaff() throws Exception {
        String a = url(HOST_A, "host-a.test", "/img/talk-first.png");
        IntakeManagement.Submission portal = TakedownStaff.helpRequest(intake, List.of(a), false);
        CaseId caseId = CaseRouting.caseOf(context, portal.id());
        CaseRef caseRef = new CaseRef(caseId.value());
        // Wait until takedown has handled this very case's opening (not just any listener idling).
        waitFor(() -> jdbc.sql("""
                                SELECT count(*) FROM event_publication
                                WHERE completion_date IS NOT NULL AND listener_id LIKE '%TakedownCaseEvents%'
                                  AND serialized_event LIKE :caseId
                                """)
                        .param("caseId", "%" + caseId.value() + "%")
                        .query(Long.class)
                        .single()
                == 1);
        assertThat(takedowns.ofCase(caseRef)).isEmpty();

        // Staff talk with the victim, then start from the victim's links: the form is filled for them.
        CaseSummary summary = cases.owned(staffMember.viewer(), caseId);
        TakedownDesk.NewRequests form =
                takedownCases.portalForm(hotline, summary.reference()).orElseThrow();
        assertThat(form.urls()).isEqualTo(a);
        assertThat(form.caseRef()).isEqualTo(summary.reference());
        assertThat(form.formCode()).isEqualTo(summary.primaryCode());
        TakedownDesk.Submission submission = desk.submit(form, hotline);
        assertThat(submission.created()).hasSize(1);
        assertThat(only(caseRef, "host-a.test").helpRequestRef())
                .isEqualTo(portal.id().value());

        // Another organisation's caseworker gets neither the links nor the case.
        TakedownStaff other = TakedownStaff.hotline(staff, "Andere hulplijn");
        assertThat(takedownCases.portalForm(other.actor(), summary.reference())).isEmpty();
    }

    @Test
    void requestsBelongToACaseOfTheStaffMembersOwnOrganisation() {
        String link = url(HOST_C, "host-c.test", "/img/nowhere.png");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> desk.submit(new TakedownDesk.NewRequests("", "IBA-DIS", false, link, ""), hotline))
                .isInstanceOfSatisfying(
                        TakedownProblem.class,
                        p -> assertThat(p.messageKeys()).containsExactly("takedown.form.problem.case-missing"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> desk.submit(new TakedownDesk.NewRequests("VN-1999-000001", "", false, link, ""), hotline))
                .isInstanceOfSatisfying(
                        TakedownProblem.class,
                        p -> assertThat(p.messageKeys())
                                .containsExactly("takedown.form.problem.case", "takedown.form.problem.code"));
        TakedownStaff other = TakedownStaff.hotline(staff, "Derde hulplijn");
        String theirs = other.phoneCase(cases).reference();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> desk.submit(new TakedownDesk.NewRequests(theirs, "IBA-DIS", false, link, ""), hotline))
                .isInstanceOfSatisfying(
                        TakedownProblem.class,
                        p -> assertThat(p.messageKeys()).containsExactly("takedown.form.problem.case"));
        // The reference works in lower case too, and so does the case's ID.
        String mine = newCase();
        assertThat(desk.submit(
                                new TakedownDesk.NewRequests(
                                        mine.toLowerCase(java.util.Locale.ROOT), "IBA-DIS", false, link, ""),
                                hotline)
                        .created())
                .hasSize(1);
    }

    @Test
    void aMailServerOutageQueuesTheNoticeRetriesWithBackoffAndLosesNothing() throws Exception {
        TakedownDesk.Submission submission = desk.submit(
                new TakedownDesk.NewRequests(
                        newCase(), "SXT-FIN", false, url(HOST_C, "host-c.test", "/img/outage.png"), ""),
                hotline);
        CaseRef caseRef = submission.caseRef();
        greenMail.stop();
        try {
            UUID noticeId = desk.sendNotice(caseRef, "host-c.test", HostContact.Channel.EMAIL, false, hotline);
            Notice queued = notices.find(noticeId).orElseThrow();
            assertThat(queued.delivery()).isEqualTo("QUEUED");
            assertThat(queued.attempts()).isEqualTo(1);
            assertThat(queued.lastFailure()).isEqualTo("mail-unreachable");
            assertThat(queued.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            assertThat(only(caseRef, "host-c.test").status()).isEqualTo(TakedownStatus.QUEUED);
            assertThat(notices.backlog().queued()).isGreaterThanOrEqualTo(1);

            jobs.round(); // not due yet
            assertThat(notices.find(noticeId).orElseThrow().attempts()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(61));
            jobs.round();
            Notice again = notices.find(noticeId).orElseThrow();
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        } finally {
            greenMail = startMail();
        }
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        jobs.round();
        Notice sent = notices.ofCase(caseRef).getFirst();
        assertThat(sent.delivery()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
        TakedownRequest request = only(caseRef, "host-c.test");
        assertThat(request.status()).isEqualTo(TakedownStatus.SENT);
        assertThat(request.sentAt()).isEqualTo(clock.instant());
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(TakedownEndToEndIT::text))
                .anySatisfy(body -> assertThat(body).contains("/img/outage.png", "Financiële afpersing met beeld"));
    }

    @Test
    void staffCanExportForAWebFormAndConfirmTheSubmission() {
        TakedownDesk.Submission submission = desk.submit(
                new TakedownDesk.NewRequests(
                        newCase(), "CSAM-REP", true, url(HOST_C, "host-c.test", "/img/form.png"), ""),
                hotline);
        CaseRef caseRef = submission.caseRef();
        UUID noticeId = desk.sendNotice(caseRef, "host-c.test", HostContact.Channel.WEB_FORM, true, hotline);
        Notice exported = notices.find(noticeId).orElseThrow();
        assertThat(exported.delivery()).isEqualTo("EXPORTED");
        String body = desk.noticeBody(exported);
        assertThat(body)
                .contains("/img/form.png", "seksueel misbruikmateriaal van kinderen", "artikel 16, lid 2, onder c")
                .doesNotContain("meldingen@hulplijn.test", "Hulplijn Test");
        assertThat(only(caseRef, "host-c.test").status()).isEqualTo(TakedownStatus.QUEUED);
        desk.confirmSubmitted(noticeId, hotline);
        assertThat(only(caseRef, "host-c.test").status()).isEqualTo(TakedownStatus.SENT);
        assertThat(only(caseRef, "host-c.test").sentAt()).isEqualTo(clock.instant());
    }

    @Test
    void anonymousNoticesAreOnlyAllowedForChildAbuseMaterial() {
        TakedownDesk.Submission submission = desk.submit(
                new TakedownDesk.NewRequests(
                        newCase(), "IBA-DIS", false, url(HOST_C, "host-c.test", "/img/adult.png"), ""),
                hotline);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.sendNotice(
                        submission.caseRef(), "host-c.test", HostContact.Channel.WEB_FORM, true, hotline))
                .isInstanceOfSatisfying(
                        TakedownProblem.class,
                        p -> assertThat(p.messageKeys()).containsExactly("takedown.notice.problem.anonymous"));
    }

    @Test
    void privateTargetsAreNeverCheckedAndNotIdentified() {
        TakedownDesk.Submission submission = desk.submit(
                new TakedownDesk.NewRequests(newCase(), "IBA-DIS", false, "http://intranet.internal/secret.png", ""),
                hotline);
        TakedownRequest request = only(submission.caseRef(), "intranet.internal");
        assertThat(request.contact().problem()).isEqualTo("not-public");
        jobs.round();
        assertThat(only(submission.caseRef(), "intranet.internal").lastCheckOutcome())
                .isEqualTo("REFUSED");
    }

    @Test
    void unreachableAndUnknownHostsStayOpenWithAReason() {
        TakedownDesk.Submission submission = desk.submit(
                new TakedownDesk.NewRequests(
                        newCase(),
                        "IBA-DIS",
                        false,
                        "http://closed.test:" + freePort() + "/x.png\nhttps://nergens.example/y.png",
                        ""),
                hotline);
        CaseRef caseRef = submission.caseRef();
        assertThat(only(caseRef, "nergens.example").contact().problem()).isEqualTo("unresolvable");
        jobs.round();
        assertThat(only(caseRef, "closed.test").lastCheckOutcome()).isEqualTo("UNREACHABLE");
        assertThat(only(caseRef, "nergens.example").lastCheckOutcome()).isEqualTo("UNRESOLVABLE");
        assertThat(takedowns.ofCase(caseRef))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(TakedownStatus.DRAFT));
    }

    @Test
    void statsNeedAnApiKeyAndHideSmallCells() {
        Http http = new Http(port);
        assertThat(http.get("/api/v1/takedown/stats").statusCode()).isEqualTo(401);
        var organisation = staff.createOrganisation("admin", "Inzicht " + System.nanoTime(), OrganisationKind.RESEARCH);
        String key = apiClients
                .create("admin", "Inzicht", organisation.id(), EnumSet.of(ApiScope.HASHES_READ), 60)
                .key();
        HttpResponse<String> response = http.get("/api/v1/takedown/stats", Map.of("X-Api-Key", key));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.path("minCell").asInt()).isEqualTo(5);
        assertThat(body.path("dimensions").size()).isEqualTo(4);
        for (JsonNode dimension : body.path("dimensions")) {
            for (JsonNode group : dimension.path("groups")) {
                assertThat(group.path("requests").asInt()).isGreaterThanOrEqualTo(5);
            }
        }
        assertThat(response.body()).doesNotContain("/img/", "http://");
    }
}
