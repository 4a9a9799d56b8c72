package nl.vangnet.takedown;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Formatting for the staff pages: times in the Netherlands' zone, durations in hours. */
final class TakedownFormats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(NoticeComposer.ZONE);

    public String at(@Nullable Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** ISO form for the {@code datetime} attribute of {@code <time>}. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String hours(@Nullable Duration duration) {
        if (duration == null) {
            return "—";
        }
        return String.valueOf(Math.round(duration.toMinutes() / 6.0) / 10.0);
    }

    public String hoursBetween(@Nullable Instant from, @Nullable Instant to) {
        return from == null || to == null ? "—" : hours(Duration.between(from, to));
    }

    public String number(@Nullable Double value) {
        return value == null ? "—" : String.valueOf(value);
    }

    public String percent(@Nullable Double share) {
        return share == null ? "—" : Math.round(share * 100) + "%";
    }
}
