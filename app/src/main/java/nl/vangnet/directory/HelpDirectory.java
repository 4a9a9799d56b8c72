package nl.vangnet.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory module's facade: the organisations, which channels are open now (from the
 * {@code Clock} bean, in Dutch local time), and the referral rules that rank organisations for a
 * situation with the reasons why each fits (docs/adr/0036).
 */
@Service
public class HelpDirectory {

    private final HelpOrganisations organisations;
    private final Clock clock;

    HelpDirectory(HelpOrganisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public List<HelpOrganisation> all() {
        return organisations.all();
    }

    /** Active organisations for victims and the people around them. */
    @Transactional(readOnly = true)
    public List<HelpOrganisation> forVictims() {
        return active(HelpOrganisation.Audience.VICTIMS);
    }

    /** Active crisis lines (acute distress, thoughts of suicide): shown on every plan, never ranked. */
    @Transactional(readOnly = true)
    public List<HelpOrganisation> crisisLines() {
        return active(HelpOrganisation.Audience.CRISIS);
    }

    private List<HelpOrganisation> active(HelpOrganisation.Audience audience) {
        return organisations.all().stream()
                .filter(HelpOrganisation::active)
                .filter(o -> o.audience() == audience)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<HelpOrganisation> bySlug(String slug) {
        return organisations.bySlug(slug);
    }

    /**
     * Every active phone or chat channel of a victims' organisation open at this moment, 24/7
     * lines first. The emergency number is not among them: pages say "in danger, call 112" on
     * their own line. Nor are services only for family or home (Veilig Thuis): these pages are
     * shown before anyone has said who the other person is (docs/adr/0036).
     */
    @Transactional(readOnly = true)
    public List<OpenChannel> openNow() {
        Instant now = clock.instant();
        List<OpenChannel> open = new ArrayList<>();
        for (HelpOrganisation o : forVictims()) {
            if (o.route() == HelpOrganisation.Route.HOME) {
                continue;
            }
            for (Channel c : o.channels()) {
                if ((c.type() == ChannelType.PHONE || c.type() == ChannelType.CHAT)
                        && !c.emergency()
                        && c.availabilityAt(now) == Channel.Availability.OPEN) {
                    open.add(new OpenChannel(o, c));
                }
            }
        }
        open.sort(Comparator.comparing((OpenChannel oc) -> oc.channel().hours().kind() != OpeningHours.Kind.ALWAYS)
                .thenComparingInt(oc -> oc.organisation().position()));
        return open;
    }

    /** A channel that is open now, with the organisation it belongs to. */
    public record OpenChannel(HelpOrganisation organisation, Channel channel) {}

    /**
     * What the person needs and what happened, for ranking.
     *
     * @param needs what they want help with; empty is treated as "not sure"
     * @param codes taxonomy codes of the situation, the primary code first
     * @param ageFrom youngest possible age of the person, or null when unknown
     * @param ageTo oldest possible age, or null when unknown
     * @param relation the perpetrator relation (taxonomy value), or null
     * @param dangerNow the person says they are not safe right now
     * @param offenceAgainstMinor the situation is an offence against a minor (intake's coding rules)
     */
    public record HelpQuery(
            Set<HelpNeed> needs,
            List<String> codes,
            @Nullable Integer ageFrom,
            @Nullable Integer ageTo,
            @Nullable String relation,
            boolean dangerNow,
            boolean offenceAgainstMinor) {

        public HelpQuery {
            needs = needs.isEmpty() ? Set.of(HelpNeed.NOT_SURE) : Set.copyOf(needs);
            codes = List.copyOf(codes);
        }

        public HelpQuery(
                Set<HelpNeed> needs,
                List<String> codes,
                @Nullable Integer ageFrom,
                @Nullable Integer ageTo,
                @Nullable String relation) {
            this(needs, codes, ageFrom, ageTo, relation, false, false);
        }

        boolean agesKnown() {
            return ageFrom != null && ageTo != null;
        }
    }

    /**
     * An organisation that fits, with the tier of the rule that placed it (lower is earlier), the
     * reasons as codes a page turns into words ({@code danger}, {@code specialist},
     * {@code minor-offence}, {@code need.<need>}, {@code form}, {@code relation}, {@code age},
     * {@code open-now}, {@code anonymous}), the channels to show this person (the emergency number
     * only in danger now) and those open now.
     */
    public record Match(
            HelpOrganisation organisation,
            int tier,
            List<String> reasons,
            List<Channel> channels,
            List<Channel> openChannels) {}

    /** The organisations that fit, best first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Match> rank(HelpQuery query, int limit) {
        return rank(forVictims(), query, clock.instant(), limit);
    }

    static final int TIER_DANGER = 0;
    static final int TIER_SPECIALIST = 1;
    static final int TIER_SPECIALIST_SECONDARY = 2;
    static final int TIER_REPORTING = 3;
    static final int TIER_HOME = 4;
    static final int TIER_NEEDS = 5;

    /**
     * The referral rules, in this order (docs/adr/0036):
     *
     * <ol>
     *   <li>left out: an organisation that does not serve the person's whole age band; one that
     *       lists forms of which none fits; one for family or home when the other person is not
     *       family or (ex-)partner (or was not named);
     *   <li>offered: the specialised service for one of the forms (whatever need was ticked); the
     *       police route in danger now, for every offence against a minor, or to report or stop
     *       threats; anyone else only when it serves one of the needs;
     *   <li>ranked in tiers: the police first only in danger now; then the specialist for the
     *       primary form, then for a secondary form; then the police route for an offence against
     *       a minor or a wish to report; then the family-and-home service; then the rest;
     *   <li>within a tier: more needs served, a service for the person's age, a line open now,
     *       anonymous contact, then the directory's own order.
     * </ol>
     */
    static List<Match> rank(List<HelpOrganisation> candidates, HelpQuery query, Instant now, int limit) {
        record Ranked(Match match, int needs, boolean forAge, boolean open, boolean anonymous, int position) {}
        List<Ranked> ranked = new ArrayList<>();
        String primary = query.codes().isEmpty() ? null : query.codes().getFirst();
        for (HelpOrganisation o : candidates) {
            if (query.agesKnown() && !o.servesAges(query.ageFrom(), query.ageTo())) {
                continue;
            }
            boolean formListed = !query.codes().isEmpty() && !o.forms().isEmpty();
            if (formListed && query.codes().stream().noneMatch(o.forms()::contains)) {
                continue;
            }
            boolean relationMatches = query.relation() != null && o.relations().contains(query.relation());
            if (o.route() == HelpOrganisation.Route.HOME && !relationMatches) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            boolean reporting = o.route() == HelpOrganisation.Route.REPORTING;
            boolean specialistPrimary = primary != null && o.specialisms().contains(primary);
            boolean specialist = query.codes().stream().anyMatch(o.specialisms()::contains);
            boolean reportWanted = query.needs().contains(HelpNeed.REPORT_POLICE);
            int tier;
            if (reporting && query.dangerNow()) {
                tier = TIER_DANGER;
                reasons.add("danger");
            } else if (specialistPrimary) {
                tier = TIER_SPECIALIST;
            } else if (specialist) {
                tier = TIER_SPECIALIST_SECONDARY;
            } else if (reporting && (query.offenceAgainstMinor() || reportWanted)) {
                tier = TIER_REPORTING;
            } else if (o.route() == HelpOrganisation.Route.HOME) {
                tier = TIER_HOME;
            } else {
                tier = TIER_NEEDS;
            }
            if (specialist) {
                reasons.add("specialist");
            }
            if (reporting && query.offenceAgainstMinor()) {
                reasons.add("minor-offence");
            }
            int needs = 0;
            for (HelpNeed need : HelpNeed.values()) {
                if (query.needs().contains(need) && o.needs().contains(need)) {
                    needs++;
                    reasons.add("need." + need.code());
                }
            }
            boolean offered =
                    specialist || needs > 0 || (reporting && (query.dangerNow() || query.offenceAgainstMinor()));
            if (!offered) {
                continue;
            }
            if (formListed && !specialist) {
                reasons.add("form");
            }
            if (relationMatches) {
                reasons.add("relation");
            }
            boolean forAge = query.agesKnown() && (o.minAge() != null || o.maxAge() != null);
            if (forAge) {
                reasons.add("age");
            }
            List<Channel> shown = o.channels().stream()
                    .filter(c -> !c.emergency() || query.dangerNow())
                    .toList();
            List<Channel> open = shown.stream()
                    .filter(c -> c.availabilityAt(now) == Channel.Availability.OPEN)
                    .toList();
            boolean openNow =
                    open.stream().anyMatch(c -> c.type() == ChannelType.PHONE || c.type() == ChannelType.CHAT);
            if (openNow) {
                reasons.add("open-now");
            }
            boolean anonymous = Boolean.TRUE.equals(o.anonymous());
            if (anonymous) {
                reasons.add("anonymous");
            }
            ranked.add(new Ranked(
                    new Match(o, tier, List.copyOf(reasons), shown, open),
                    needs,
                    forAge,
                    openNow,
                    anonymous,
                    o.position()));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> r.match().tier())
                .thenComparing(Comparator.comparingInt(Ranked::needs).reversed())
                .thenComparing(r -> !r.forAge())
                .thenComparing(r -> !r.open())
                .thenComparing(r -> !r.anonymous())
                .thenComparingInt(Ranked::position));
        return ranked.stream().limit(limit).map(Ranked::match).toList();
    }
}
