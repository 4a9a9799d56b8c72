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
 * situation with the reasons why each fits.
 */
@Service
public class HelpDirectory {

    static final int NEED_WEIGHT = 3;
    static final int FORM_WEIGHT = 2;
    static final int RELATION_WEIGHT = 2;
    static final int OPEN_NOW_WEIGHT = 2;
    static final int AGE_WEIGHT = 1;
    static final int ANONYMOUS_WEIGHT = 1;

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
        return organisations.all().stream()
                .filter(HelpOrganisation::active)
                .filter(o -> o.audience() == HelpOrganisation.Audience.VICTIMS)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<HelpOrganisation> bySlug(String slug) {
        return organisations.bySlug(slug);
    }

    /** Every active phone or chat channel open at this moment, with its organisation, 24/7 lines first. */
    @Transactional(readOnly = true)
    public List<OpenChannel> openNow() {
        Instant now = clock.instant();
        List<OpenChannel> open = new ArrayList<>();
        for (HelpOrganisation o : forVictims()) {
            for (Channel c : o.channels()) {
                if ((c.type() == ChannelType.PHONE || c.type() == ChannelType.CHAT)
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
     */
    public record HelpQuery(
            Set<HelpNeed> needs,
            List<String> codes,
            @Nullable Integer ageFrom,
            @Nullable Integer ageTo,
            @Nullable String relation) {

        public HelpQuery {
            needs = needs.isEmpty() ? Set.of(HelpNeed.NOT_SURE) : Set.copyOf(needs);
            codes = List.copyOf(codes);
        }
    }

    /**
     * An organisation that fits, with its score and the reasons, as codes a page turns into
     * words: {@code need.<need>}, {@code form}, {@code relation}, {@code age}, {@code open-now},
     * {@code anonymous}.
     */
    public record Match(HelpOrganisation organisation, int score, List<String> reasons, List<Channel> openChannels) {}

    /** The organisations that fit, best first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Match> rank(HelpQuery query, int limit) {
        return rank(forVictims(), query, clock.instant(), limit);
    }

    /**
     * The referral rules. An organisation is left out when it does not serve the person's age or
     * none of their needs; the rest are scored: each need served, the situation's form, the
     * perpetrator relation it is for, an age-specific service, a channel open right now and
     * anonymous contact all count, and ties keep the directory's own order.
     */
    static List<Match> rank(List<HelpOrganisation> candidates, HelpQuery query, Instant now, int limit) {
        List<Match> matches = new ArrayList<>();
        for (HelpOrganisation o : candidates) {
            if (query.ageFrom() != null && query.ageTo() != null && !o.servesAges(query.ageFrom(), query.ageTo())) {
                continue;
            }
            int score = 0;
            List<String> reasons = new ArrayList<>();
            for (HelpNeed need : HelpNeed.values()) {
                if (query.needs().contains(need) && o.needs().contains(need)) {
                    score += NEED_WEIGHT;
                    reasons.add("need." + need.code());
                }
            }
            if (reasons.isEmpty()) {
                continue;
            }
            if (!query.codes().isEmpty() && !o.forms().isEmpty()) {
                if (query.codes().stream().noneMatch(o.forms()::contains)) {
                    continue;
                }
                score += FORM_WEIGHT;
                reasons.add("form");
            }
            if (query.relation() != null && o.relations().contains(query.relation())) {
                score += RELATION_WEIGHT;
                reasons.add("relation");
            }
            if (query.ageFrom() != null && (o.minAge() != null || o.maxAge() != null)) {
                score += AGE_WEIGHT;
                reasons.add("age");
            }
            List<Channel> open = o.channels().stream()
                    .filter(c -> c.availabilityAt(now) == Channel.Availability.OPEN)
                    .toList();
            if (open.stream().anyMatch(c -> c.type() == ChannelType.PHONE || c.type() == ChannelType.CHAT)) {
                score += OPEN_NOW_WEIGHT;
                reasons.add("open-now");
            }
            if (Boolean.TRUE.equals(o.anonymous())) {
                score += ANONYMOUS_WEIGHT;
                reasons.add("anonymous");
            }
            matches.add(new Match(o, score, List.copyOf(reasons), open));
        }
        matches.sort(Comparator.comparingInt(Match::score)
                .reversed()
                .thenComparingInt(m -> m.organisation().position()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : List.copyOf(matches);
    }
}
