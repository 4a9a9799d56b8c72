package nl.vangnet.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a channel is open: around the clock, on a weekly schedule in Dutch local time, or not
 * known. "Not known" is a state of its own so the portal never claims a channel is open (or
 * closed) when nobody has checked. A period that runs past midnight is stored as two periods.
 */
public record OpeningHours(Kind kind, List<Period> periods) {

    /** All opening hours are Dutch local time, whatever the server's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    public static final OpeningHours ALWAYS = new OpeningHours(Kind.ALWAYS, List.of());
    public static final OpeningHours UNKNOWN = new OpeningHours(Kind.UNKNOWN, List.of());

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY,
            "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY,
            "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);
    private static final Pattern PART =
            Pattern.compile("(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?\\s+"
                    + "([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-4]):([0-5]\\d)");

    public OpeningHours {
        periods = periods.stream()
                .sorted(Comparator.comparing(Period::day).thenComparingInt(Period::opensMinute))
                .toList();
        if (kind != Kind.WEEKLY && !periods.isEmpty()) {
            throw new IllegalArgumentException("only a weekly schedule has periods");
        }
    }

    /** How the opening hours are known. */
    public enum Kind {
        ALWAYS,
        WEEKLY,
        UNKNOWN
    }

    /**
     * One opening period on one day, in minutes since local midnight.
     *
     * @param opensMinute 0..1439
     * @param closesMinute opensMinute+1..1440 (1440 is midnight at the end of the day)
     */
    public record Period(DayOfWeek day, int opensMinute, int closesMinute) {
        public Period {
            if (opensMinute < 0 || closesMinute > 1440 || closesMinute <= opensMinute) {
                throw new IllegalArgumentException("a period must open before it closes within one day");
            }
        }

        public String opens() {
            return clock(opensMinute);
        }

        public String closes() {
            return clock(closesMinute);
        }
    }

    /**
     * Opening times over a run of days, as people write them ("mon–fri 09:00–17:00", "every day
     * 11:00–21:00").
     */
    public record Span(DayOfWeek from, DayOfWeek to, int opensMinute, int closesMinute) {
        public boolean everyDay() {
            return from == DayOfWeek.MONDAY && to == DayOfWeek.SUNDAY;
        }

        public boolean oneDay() {
            return from == to;
        }

        public String opens() {
            return clock(opensMinute);
        }

        public String closes() {
            return clock(closesMinute);
        }
    }

    /** The periods with consecutive days of the same hours joined, Monday first. */
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        DayOfWeek start = null;
        List<Period> startHours = List.of();
        DayOfWeek previous = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Period> hours = periods.stream().filter(p -> p.day() == day).toList();
            boolean same = previous != null && !hours.isEmpty() && sameHours(hours, startHours);
            if (!same) {
                if (start != null) {
                    addSpans(spans, start, previous, startHours);
                }
                start = hours.isEmpty() ? null : day;
                startHours = hours;
            }
            previous = hours.isEmpty() ? null : day;
        }
        if (start != null) {
            addSpans(spans, start, DayOfWeek.SUNDAY, startHours);
        }
        return spans;
    }

    private static boolean sameHours(List<Period> a, List<Period> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).opensMinute() != b.get(i).opensMinute()
                    || a.get(i).closesMinute() != b.get(i).closesMinute()) {
                return false;
            }
        }
        return true;
    }

    private static void addSpans(List<Span> spans, DayOfWeek from, DayOfWeek to, List<Period> hours) {
        for (Period p : hours) {
            spans.add(new Span(from, to, p.opensMinute(), p.closesMinute()));
        }
    }

    public static OpeningHours weekly(List<Period> periods) {
        return periods.isEmpty() ? UNKNOWN : new OpeningHours(Kind.WEEKLY, periods);
    }

    /** Open at this instant? {@code UNKNOWN} is never open. */
    public boolean isOpenAt(Instant instant) {
        return switch (kind) {
            case ALWAYS -> true;
            case UNKNOWN -> false;
            case WEEKLY -> {
                ZonedDateTime local = instant.atZone(ZONE);
                int minute = local.getHour() * 60 + local.getMinute();
                yield periods.stream()
                        .anyMatch(p -> p.day() == local.getDayOfWeek()
                                && minute >= p.opensMinute()
                                && minute < p.closesMinute());
            }
        };
    }

    /**
     * Reads the schedule notation used on the admin page: {@code 24/7}, an empty text for "not
     * known", or parts like {@code mon-fri 09:00-17:00; sat 10:00-14:00}. A part that closes at or
     * before it opens runs past midnight, e.g. {@code fri 22:00-02:00}.
     *
     * @throws IllegalArgumentException with a message-key suffix naming what is wrong
     */
    public static OpeningHours parse(String text) {
        String normalized = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            return UNKNOWN;
        }
        if (normalized.equals("24/7")) {
            return ALWAYS;
        }
        List<Period> periods = new ArrayList<>();
        for (String part : normalized.split("[;,]")) {
            String trimmed = part.strip().replaceAll("\\s+", " ");
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher m = PART.matcher(trimmed);
            if (!m.matches()) {
                throw new IllegalArgumentException("hours.invalid");
            }
            DayOfWeek first = DAYS.get(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : DAYS.get(m.group(2));
            int opens = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
            int closes = Integer.parseInt(m.group(5)) * 60 + Integer.parseInt(m.group(6));
            if (closes > 1440) {
                throw new IllegalArgumentException("hours.invalid");
            }
            DayOfWeek day = first;
            while (true) {
                if (closes > opens) {
                    periods.add(new Period(day, opens, closes));
                } else {
                    periods.add(new Period(day, opens, 1440));
                    if (closes > 0) {
                        periods.add(new Period(day.plus(1), 0, closes));
                    }
                }
                if (day == last) {
                    break;
                }
                day = day.plus(1);
            }
        }
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("hours.invalid");
        }
        return weekly(periods);
    }

    /** The admin notation of these hours, so parse(format()) gives the same hours back. */
    public String format() {
        return switch (kind) {
            case ALWAYS -> "24/7";
            case UNKNOWN -> "";
            case WEEKLY ->
                String.join(
                        "; ",
                        periods.stream()
                                .map(p -> p.day().name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + p.opens()
                                        + "-" + p.closes())
                                .toList());
        };
    }

    private static String clock(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
