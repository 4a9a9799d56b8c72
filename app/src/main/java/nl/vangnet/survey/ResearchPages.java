package nl.vangnet.survey;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.audit.AuditAction;
import nl.vangnet.audit.AuditTrail;
import nl.vangnet.shared.VangnetProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The researcher's pages under {@code /staff/research}: campaigns, anonymous links with live
 * response counts, exports, the codebook, interview contacts (on their own page, never next to
 * answers), and a check for instrument files before they are published. A researcher sees the
 * campaigns they created; an administrator sees all.
 */
@Controller
class ResearchPages {

    private final CampaignManagement management;
    private final Campaigns campaigns;
    private final Responses responses;
    private final InterviewContacts contacts;
    private final Instruments instruments;
    private final Exports exports;
    private final MessageSource messages;

    private final AuditTrail audit;
    private final VangnetProperties properties;

    ResearchPages(
            CampaignManagement management,
            Campaigns campaigns,
            Responses responses,
            InterviewContacts contacts,
            Instruments instruments,
            Exports exports,
            MessageSource messages,
            AuditTrail audit,
            VangnetProperties properties) {
        this.audit = audit;
        this.properties = properties;
        this.management = management;
        this.campaigns = campaigns;
        this.responses = responses;
        this.contacts = contacts;
        this.instruments = instruments;
        this.exports = exports;
        this.messages = messages;
    }

    private static boolean isAdmin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private Campaign visible(String id, Authentication auth) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return campaigns
                .find(new CampaignId(uuid))
                .filter(c -> isAdmin(auth) || c.createdBy().equals(auth.getName()))
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }

    @GetMapping("/staff/research")
    String index(Authentication auth, Model model) {
        List<Campaign> list = campaigns.list(isAdmin(auth) ? null : auth.getName());
        model.addAttribute("campaigns", list);
        model.addAttribute("today", management.today());
        model.addAttribute("instruments", instruments.all());
        return "staff/research/index";
    }

    @GetMapping("/staff/research/campaigns/new")
    String newCampaign(Model model) {
        model.addAttribute("form", blankForm());
        return campaignForm(model);
    }

    private CampaignManagement.CampaignForm blankForm() {
        return new CampaignManagement.CampaignForm(
                "",
                instruments.published().isEmpty()
                        ? ""
                        : instruments.published().get(0).key(),
                TargetGroup.PUPILS_16_18.name(),
                ParentalConsent.UNDER_16_EXCLUDED.name(),
                false,
                "",
                "",
                "",
                "",
                management.today().toString(),
                management.today().plusWeeks(4).toString(),
                "");
    }

    private String campaignForm(Model model) {
        model.addAttribute("instruments", instruments.published());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("consents", ParentalConsent.values());
        model.addAttribute("maxRetentionYears", SurveyProperties.MAX_RETENTION.getYears());
        long months = management.defaultRetention().toTotalMonths();
        model.addAttribute("defaultRetentionYears", months % 12 == 0 ? months / 12 : null);
        model.addAttribute("defaultRetentionMonths", months);
        return "staff/research/campaign-new";
    }

    @PostMapping("/staff/research/campaigns")
    String create(
            Authentication auth, @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        CampaignManagement.CampaignForm form = new CampaignManagement.CampaignForm(
                params.getOrDefault("name", ""),
                params.getOrDefault("instrument", ""),
                params.getOrDefault("targetGroup", ""),
                params.getOrDefault("parentalConsent", ""),
                "yes".equals(params.get("interviewOptIn")),
                params.getOrDefault("organiser", ""),
                params.getOrDefault("contact", ""),
                params.getOrDefault("purposeNl", ""),
                params.getOrDefault("purposeEn", ""),
                params.getOrDefault("opensOn", ""),
                params.getOrDefault("closesOn", ""),
                params.getOrDefault("answersKeptUntil", ""));
        try {
            Campaign created = management.create(form, auth.getName());
            return "redirect:/staff/research/campaigns/" + created.id() + "?created";
        } catch (SurveyProblem problem) {
            response.setStatus(422);
            model.addAttribute("problems", problem.messageKeys());
            model.addAttribute("form", form);
            return campaignForm(model);
        }
    }

    @GetMapping("/staff/research/campaigns/{id}")
    String campaign(@PathVariable String id, Authentication auth, Model model) {
        Campaign campaign = visible(id, auth);
        fillCampaign(campaign, model);
        model.addAttribute("suppression", exports.suppression(campaign));
        model.addAttribute("redactions", exports.redactions(campaign, codebook(campaign)));
        return "staff/research/campaign";
    }

    private void fillCampaign(Campaign campaign, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("status", campaign.status(management.today()));
        model.addAttribute(
                "instrument", instruments.byKey(campaign.instrumentKey()).orElse(null));
        model.addAttribute("links", campaigns.links(campaign.id()));
        model.addAttribute("counts", campaigns.responseCounts(campaign.id()));
        model.addAttribute("total", responses.count(campaign.id()));
        model.addAttribute("flags", responses.flagCounts(campaign.id()));
        model.addAttribute("contactCount", contacts.count(campaign.id()));
        model.addAttribute("maxLinks", CampaignManagement.MAX_LINKS_AT_ONCE);
        model.addAttribute("smallGroupK", SmallGroups.K);
    }

    /** The link table body alone, for the page's refresh every few seconds. */
    @GetMapping("/staff/research/campaigns/{id}/counts")
    String counts(@PathVariable String id, Authentication auth, Model model) {
        Campaign campaign = visible(id, auth);
        fillCampaign(campaign, model);
        return "staff/research/campaign :: counts";
    }

    @PostMapping("/staff/research/campaigns/{id}/links")
    String generateLinks(
            @PathVariable String id,
            Authentication auth,
            @RequestParam(name = "label", defaultValue = "") String label,
            @RequestParam(name = "count", defaultValue = "1") String count,
            @RequestParam(name = "singleUse", required = false) @Nullable String singleUse,
            HttpServletResponse response,
            Model model) {
        Campaign campaign = visible(id, auth);
        int howMany;
        try {
            howMany = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            howMany = -1;
        }
        try {
            List<CampaignManagement.NewLink> created =
                    management.generateLinks(campaign, label, howMany, "yes".equals(singleUse));
            // Links are handed to schools: from the configured public address, never the Host header.
            String base = properties.publicUrl("/vragenlijst/");
            model.addAttribute("campaign", campaign);
            model.addAttribute(
                    "created",
                    created.stream()
                            .map(l -> new ShownLink(
                                    l.link().label(), base + l.token(), l.link().singleUse()))
                            .toList());
            model.addAttribute(
                    "allUrls",
                    String.join(
                            "\n", created.stream().map(l -> base + l.token()).toList()));
            return "staff/research/links-created";
        } catch (SurveyProblem problem) {
            response.setStatus(422);
            model.addAttribute("linkProblems", problem.messageKeys());
            model.addAttribute("label", label);
            fillCampaign(campaign, model);
            model.addAttribute("suppression", exports.suppression(campaign));
            model.addAttribute("redactions", exports.redactions(campaign, codebook(campaign)));
            return "staff/research/campaign";
        }
    }

    record ShownLink(String label, String url, boolean singleUse) {}

    @PostMapping("/staff/research/campaigns/{id}/links/{link}/revoke")
    String revoke(
            @PathVariable String id, @PathVariable String link, Authentication auth, RedirectAttributes redirect) {
        Campaign campaign = visible(id, auth);
        try {
            management.revoke(campaign, UUID.fromString(link));
        } catch (IllegalArgumentException ignored) {
            // An unknown link ID changes nothing.
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/staff/research/campaigns/" + campaign.id();
    }

    @PostMapping("/staff/research/campaigns/{id}/close")
    String close(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
        Campaign campaign = visible(id, auth);
        int deleted = management.close(campaign.id());
        redirect.addFlashAttribute("closedContacts", deleted);
        return "redirect:/staff/research/campaigns/" + campaign.id();
    }

    /**
     * Deletes a closed campaign with its links, responses and interview contacts, after the
     * researcher ticked the confirmation. Without it, or while the campaign is open, the campaign
     * page comes back with the reason and nothing is deleted.
     */
    @PostMapping("/staff/research/campaigns/{id}/delete")
    String delete(
            @PathVariable String id,
            @RequestParam(name = "confirm", required = false) @Nullable String confirm,
            Authentication auth,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Campaign campaign = visible(id, auth);
        try {
            CampaignManagement.Deleted deleted =
                    management.delete(campaign.id(), "yes".equals(confirm), auth.getName());
            redirect.addFlashAttribute("deletedCampaign", campaign.name());
            redirect.addFlashAttribute("deletedResponses", deleted.responses());
            return "redirect:/staff/research";
        } catch (SurveyProblem problem) {
            response.setStatus(422);
            model.addAttribute("deleteProblems", problem.messageKeys());
            fillCampaign(campaign, model);
            model.addAttribute("suppression", exports.suppression(campaign));
            model.addAttribute("redactions", exports.redactions(campaign, codebook(campaign)));
            return "staff/research/campaign";
        }
    }

    /** A new "answers kept until" date; a refused date comes back on the page with the reason. */
    @PostMapping("/staff/research/campaigns/{id}/retention")
    String retention(
            @PathVariable String id,
            @RequestParam(name = "answersKeptUntil", defaultValue = "") String date,
            Authentication auth,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Campaign campaign = visible(id, auth);
        try {
            management.changeRetention(campaign.id(), date, auth.getName());
            redirect.addFlashAttribute("retentionChanged", true);
            return "redirect:/staff/research/campaigns/" + campaign.id();
        } catch (SurveyProblem problem) {
            response.setStatus(422);
            model.addAttribute("retentionProblems", problem.messageKeys());
            model.addAttribute("retentionValue", date.length() > 20 ? "" : date);
            fillCampaign(campaign, model);
            model.addAttribute("suppression", exports.suppression(campaign));
            model.addAttribute("redactions", exports.redactions(campaign, codebook(campaign)));
            return "staff/research/campaign";
        }
    }

    @GetMapping("/staff/research/campaigns/{id}/contacts")
    String contacts(@PathVariable String id, Authentication auth, Model model) {
        Campaign campaign = visible(id, auth);
        model.addAttribute("campaign", campaign);
        model.addAttribute("contacts", contacts.list(campaign.id()));
        audit.record(
                auth.getName(),
                AuditAction.SURVEY_CONTACTS_VIEWED,
                "survey-campaign",
                campaign.id().toString());
        return "staff/research/contacts";
    }

    @GetMapping("/staff/research/campaigns/{id}/responses.csv")
    ResponseEntity<byte[]> responsesCsv(@PathVariable String id, Authentication auth) {
        Campaign campaign = visible(id, auth);
        Codebook codebook = codebook(campaign);
        String csv = exports.responsesCsv(campaign, codebook);
        audit.record(
                auth.getName(),
                AuditAction.SURVEY_RESPONSES_EXPORTED,
                "survey-campaign",
                campaign.id().toString());
        return download(csv, Exports.CSV_FILE, "text/csv");
    }

    @GetMapping("/staff/research/campaigns/{id}/codebook.csv")
    ResponseEntity<byte[]> campaignCodebookCsv(@PathVariable String id, Authentication auth) {
        Campaign campaign = visible(id, auth);
        return download(Exports.codebookCsv(codebook(campaign)), "codebook.csv", "text/csv");
    }

    @GetMapping("/staff/research/campaigns/{id}/responses.sps")
    ResponseEntity<byte[]> spss(@PathVariable String id, Authentication auth, Locale locale) {
        Campaign campaign = visible(id, auth);
        return download(Exports.spssSyntax(campaign, codebook(campaign), locale), "responses.sps", "text/plain");
    }

    @GetMapping("/staff/research/campaigns/{id}/responses.R")
    ResponseEntity<byte[]> r(@PathVariable String id, Authentication auth, Locale locale) {
        Campaign campaign = visible(id, auth);
        return download(Exports.rSyntax(campaign, codebook(campaign), locale), "responses.R", "text/plain");
    }

    private Codebook codebook(Campaign campaign) {
        return Codebook.of(instruments
                .byKey(campaign.instrumentKey())
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND)));
    }

    private static ResponseEntity<byte[]> download(String content, String fileName, String type) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }

    private Instrument instrument(String id, String version) {
        return instruments
                .get(id, version)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }

    @GetMapping("/staff/research/instruments/{id}/{version}")
    String codebookPage(@PathVariable String id, @PathVariable String version, Model model) {
        Instrument instrument = instrument(id, version);
        model.addAttribute("instrument", instrument);
        model.addAttribute("codebook", Codebook.of(instrument));
        return "staff/research/codebook";
    }

    @GetMapping("/staff/research/instruments/{id}/{version}/codebook.csv")
    ResponseEntity<byte[]> codebookCsv(@PathVariable String id, @PathVariable String version) {
        return download(Exports.codebookCsv(Codebook.of(instrument(id, version))), "codebook.csv", "text/csv");
    }

    @GetMapping("/staff/research/instruments/check")
    String checkForm() {
        return "staff/research/check";
    }

    /** Checks a draft instrument file as the build does, and tells every problem in the page language. */
    @PostMapping("/staff/research/instruments/check")
    String check(@RequestParam(name = "definition", defaultValue = "") String definition, Locale locale, Model model) {
        Instruments.Parsed parsed = instruments.check(definition.getBytes(StandardCharsets.UTF_8));
        model.addAttribute("definition", definition);
        model.addAttribute("checked", true);
        model.addAttribute(
                "problems",
                parsed.problems().stream()
                        .map(p -> messages.getMessage(
                                p.messageKey(), p.arguments().toArray(), locale))
                        .toList());
        model.addAttribute(
                "checkedInstrument",
                Optional.ofNullable(parsed.instrument()).map(Instrument::key).orElse(null));
        return "staff/research/check";
    }
}
