package nl.vangnet.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.vangnet.taxonomy.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directory's organisations, channels and opening periods, in the {@code directory} schema. */
@Repository
class HelpOrganisations {

    private final JdbcClient jdbc;

    HelpOrganisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HelpOrganisation> all() {
        Map<UUID, List<OpeningHours.Period>> periods = new LinkedHashMap<>();
        jdbc.sql("SELECT channel_id, day_of_week, opens_minute, closes_minute FROM directory.opening_period")
                .query(rs -> {
                    periods.computeIfAbsent(rs.getObject("channel_id", UUID.class), k -> new ArrayList<>())
                            .add(new OpeningHours.Period(
                                    DayOfWeek.of(rs.getInt("day_of_week")),
                                    rs.getInt("opens_minute"),
                                    rs.getInt("closes_minute")));
                });
        Map<UUID, List<Channel>> channels = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM directory.channel ORDER BY position, type").query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            OpeningHours.Kind kind = OpeningHours.Kind.valueOf(rs.getString("hours_kind"));
            OpeningHours hours = switch (kind) {
                case ALWAYS -> OpeningHours.ALWAYS;
                case UNKNOWN -> OpeningHours.UNKNOWN;
                case WEEKLY -> OpeningHours.weekly(periods.getOrDefault(id, List.of()));
            };
            channels.computeIfAbsent(rs.getObject("organisation_id", UUID.class), k -> new ArrayList<>())
                    .add(new Channel(
                            id,
                            ChannelType.valueOf(rs.getString("type")),
                            rs.getString("contact"),
                            rs.getBoolean("verified"),
                            hours));
        });
        return jdbc.sql("SELECT * FROM directory.organisation ORDER BY position, name")
                .query((rs, row) -> map(rs, channels))
                .list();
    }

    Optional<HelpOrganisation> bySlug(String slug) {
        return all().stream().filter(o -> o.slug().equals(slug)).findFirst();
    }

    void update(HelpOrganisation o, Instant at) {
        jdbc.sql("""
                        UPDATE directory.organisation SET name = :name, description_nl = :dnl, description_en = :den,
                               audience = :audience, forms = :forms, needs = :needs, relations = :relations,
                               specialisms = :specialisms, route = :route,
                               min_age = :minAge, max_age = :maxAge, languages = :languages, anonymous = :anonymous,
                               website = :website, active = :active, position = :position, updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", o.id())
                .param("name", o.name())
                .param("dnl", o.description().nl())
                .param("den", o.description().en())
                .param("audience", o.audience().name())
                .param("forms", o.forms().stream().sorted().toArray(String[]::new))
                .param("needs", o.needs().stream().map(HelpNeed::code).sorted().toArray(String[]::new))
                .param("relations", o.relations().stream().sorted().toArray(String[]::new))
                .param("specialisms", o.specialisms().stream().sorted().toArray(String[]::new))
                .param("route", o.route().name())
                .param("minAge", o.minAge())
                .param("maxAge", o.maxAge())
                .param("languages", o.languages().toArray(String[]::new))
                .param("anonymous", o.anonymous())
                .param("website", o.website())
                .param("active", o.active())
                .param("position", o.position())
                .param("at", Timestamp.from(at))
                .update();
    }

    void insert(HelpOrganisation o, Instant at) {
        jdbc.sql("""
                        INSERT INTO directory.organisation (id, slug, name, description_nl, description_en, updated_at)
                        VALUES (:id, :slug, :name, :dnl, :den, :at)
                        """)
                .param("id", o.id())
                .param("slug", o.slug())
                .param("name", o.name())
                .param("dnl", o.description().nl())
                .param("den", o.description().en())
                .param("at", Timestamp.from(at))
                .update();
        update(o, at);
    }

    void addChannel(UUID organisationId, Channel channel, int position) {
        jdbc.sql("""
                        INSERT INTO directory.channel (id, organisation_id, type, contact, verified, hours_kind, position)
                        VALUES (:id, :org, :type, :contact, :verified, :kind, :position)
                        """)
                .param("id", channel.id())
                .param("org", organisationId)
                .param("type", channel.type().name())
                .param("contact", channel.contact())
                .param("verified", channel.verified())
                .param("kind", channel.hours().kind().name())
                .param("position", position)
                .update();
        writePeriods(channel);
    }

    void updateChannel(Channel channel) {
        jdbc.sql("""
                        UPDATE directory.channel SET type = :type, contact = :contact, verified = :verified,
                               hours_kind = :kind WHERE id = :id
                        """)
                .param("id", channel.id())
                .param("type", channel.type().name())
                .param("contact", channel.contact())
                .param("verified", channel.verified())
                .param("kind", channel.hours().kind().name())
                .update();
        jdbc.sql("DELETE FROM directory.opening_period WHERE channel_id = :id")
                .param("id", channel.id())
                .update();
        writePeriods(channel);
    }

    boolean deleteChannel(UUID organisationId, UUID channelId) {
        return jdbc.sql("DELETE FROM directory.channel WHERE id = :id AND organisation_id = :org")
                        .param("id", channelId)
                        .param("org", organisationId)
                        .update()
                > 0;
    }

    private void writePeriods(Channel channel) {
        for (OpeningHours.Period p : channel.hours().periods()) {
            jdbc.sql("""
                            INSERT INTO directory.opening_period (channel_id, day_of_week, opens_minute, closes_minute)
                            VALUES (:id, :day, :opens, :closes)
                            """)
                    .param("id", channel.id())
                    .param("day", p.day().getValue())
                    .param("opens", p.opensMinute())
                    .param("closes", p.closesMinute())
                    .update();
        }
    }

    private static HelpOrganisation map(ResultSet rs, Map<UUID, List<Channel>> channels) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Object anonymous = rs.getObject("anonymous");
        return new HelpOrganisation(
                id,
                rs.getString("slug"),
                rs.getString("name"),
                new LocalizedText(rs.getString("description_nl"), rs.getString("description_en")),
                HelpOrganisation.Audience.valueOf(rs.getString("audience")),
                Set.copyOf(strings(rs.getArray("forms"))),
                strings(rs.getArray("needs")).stream()
                        .map(HelpNeed::of)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toSet()),
                Set.copyOf(strings(rs.getArray("relations"))),
                Set.copyOf(strings(rs.getArray("specialisms"))),
                HelpOrganisation.Route.valueOf(rs.getString("route")),
                (Integer) rs.getObject("min_age"),
                (Integer) rs.getObject("max_age"),
                strings(rs.getArray("languages")),
                anonymous == null ? null : (Boolean) anonymous,
                rs.getString("website"),
                rs.getBoolean("active"),
                rs.getInt("position"),
                channels.getOrDefault(id, List.of()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
