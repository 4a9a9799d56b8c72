package nl.vangnet.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTests {

    private static Instant amsterdam(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OpeningHours.ZONE).toInstant();
    }

    @Test
    void weekdaysAreOpenInsideTheirHoursInDutchLocalTime() {
        OpeningHours hours = OpeningHours.parse("mon-fri 09:00-17:00; sat 10:00-14:00");
        // 2026-11-23 is a Monday.
        assertThat(hours.isOpenAt(amsterdam("2026-11-23T09:00"))).isTrue();
        assertThat(hours.isOpenAt(amsterdam("2026-11-23T16:59"))).isTrue();
        assertThat(hours.isOpenAt(amsterdam("2026-11-23T17:00"))).isFalse();
        assertThat(hours.isOpenAt(amsterdam("2026-11-23T08:59"))).isFalse();
        assertThat(hours.isOpenAt(amsterdam("2026-11-28T11:00"))).isTrue();
        assertThat(hours.isOpenAt(amsterdam("2026-11-29T11:00"))).isFalse();
    }

    @Test
    void usesDutchSummerAndWinterTimeWhateverTheServerZone() {
        OpeningHours hours = OpeningHours.parse("mon-sun 09:00-10:00");
        // 09:30 in Amsterdam is 07:30 UTC in summer and 08:30 UTC in winter.
        assertThat(hours.isOpenAt(Instant.parse("2026-07-01T07:30:00Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-07-01T08:30:00Z"))).isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-01-07T08:30:00Z"))).isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-01-07T07:30:00Z"))).isFalse();
    }

    @Test
    void aPeriodPastMidnightContinuesOnTheNextDay() {
        OpeningHours hours = OpeningHours.parse("fri 22:00-02:00");
        assertThat(hours.periods())
                .containsExactly(
                        new OpeningHours.Period(DayOfWeek.FRIDAY, 22 * 60, 1440),
                        new OpeningHours.Period(DayOfWeek.SATURDAY, 0, 120));
        assertThat(hours.isOpenAt(amsterdam("2026-11-27T23:30"))).isTrue();
        assertThat(hours.isOpenAt(amsterdam("2026-11-28T01:59"))).isTrue();
        assertThat(hours.isOpenAt(amsterdam("2026-11-28T02:00"))).isFalse();
        OpeningHours sunday = OpeningHours.parse("sun 20:00-01:00");
        assertThat(sunday.isOpenAt(amsterdam("2026-11-30T00:30")))
                .as("wraps to Monday")
                .isTrue();
    }

    @Test
    void roundAndUnknownHours() {
        assertThat(OpeningHours.parse("24/7")).isEqualTo(OpeningHours.ALWAYS);
        assertThat(OpeningHours.ALWAYS.isOpenAt(Instant.EPOCH)).isTrue();
        assertThat(OpeningHours.parse("  ")).isEqualTo(OpeningHours.UNKNOWN);
        assertThat(OpeningHours.UNKNOWN.isOpenAt(Instant.EPOCH))
                .as("unknown hours are never shown as open")
                .isFalse();
    }

    @Test
    void formatGivesBackWhatParseReads() {
        OpeningHours hours = OpeningHours.parse("Mon-Wed 08:30-12:00, thu 13:00-24:00");
        assertThat(OpeningHours.parse(hours.format())).isEqualTo(hours);
        assertThat(hours.format()).startsWith("mon 08:30-12:00");
        assertThat(OpeningHours.ALWAYS.format()).isEqualTo("24/7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mon 9-17", "funday 09:00-17:00", "mon 25:00-26:00", "mon 09:00-24:30", "always", "mon"})
    void refusesWhatItCannotRead(String text) {
        assertThatThrownBy(() -> OpeningHours.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelAvailabilityTellsOpenClosedAndUnknownApart() {
        Channel weekly = new Channel(
                java.util.UUID.randomUUID(),
                ChannelType.PHONE,
                "0800 0000",
                true,
                OpeningHours.parse("mon 09:00-10:00"));
        Channel unknown =
                new Channel(java.util.UUID.randomUUID(), ChannelType.CHAT, "example.org", false, OpeningHours.UNKNOWN);
        assertThat(weekly.availabilityAt(amsterdam("2026-11-23T09:30"))).isEqualTo(Channel.Availability.OPEN);
        assertThat(weekly.availabilityAt(amsterdam("2026-11-23T11:00"))).isEqualTo(Channel.Availability.CLOSED);
        assertThat(unknown.availabilityAt(amsterdam("2026-11-23T09:30"))).isEqualTo(Channel.Availability.UNKNOWN);
        assertThat(weekly.telHref()).isEqualTo("tel:08000000");
        assertThat(unknown.telHref()).isNull();
    }

    @Test
    void consecutiveDaysWithTheSameHoursAreJoinedForReading() {
        assertThat(OpeningHours.parse("mon-sun 11:00-21:00").spans())
                .singleElement()
                .satisfies(span -> {
                    assertThat(span.everyDay()).isTrue();
                    assertThat(span.opens() + "-" + span.closes()).isEqualTo("11:00-21:00");
                });
        assertThat(OpeningHours.parse("mon-fri 09:00-17:00; sat 10:00-14:00; sun 10:00-14:00")
                        .spans())
                .extracting(s -> s.from() + "-" + s.to() + " " + s.opens() + "-" + s.closes())
                .containsExactly("MONDAY-FRIDAY 09:00-17:00", "SATURDAY-SUNDAY 10:00-14:00");
        assertThat(OpeningHours.parse(
                                "mon 09:00-12:00; mon 13:00-17:00; tue 09:00-12:00; tue 13:00-17:00; thu 09:00-12:00")
                        .spans())
                .extracting(s -> s.from() + "-" + s.to() + " " + s.opens())
                .containsExactly("MONDAY-TUESDAY 09:00", "MONDAY-TUESDAY 13:00", "THURSDAY-THURSDAY 09:00");
        assertThat(OpeningHours.ALWAYS.spans()).isEmpty();
    }
}
