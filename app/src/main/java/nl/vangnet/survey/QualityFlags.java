package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vangnet.survey.Instrument.Item;

/**
 * Response-quality flags, computed once at submission from the effective answers: too fast for
 * the number of answered items, straight-lining (the same answer throughout a grid), and
 * inconsistent screener answers (yes for the past 12 months but no for ever, for the same
 * taxonomy code). Flags are for the researcher to judge; nothing is thrown away.
 */
record QualityFlags(boolean tooFast, boolean straightLining, boolean inconsistent) {

    static final int YES = 1;
    static final int NO = 2;

    static QualityFlags of(Instrument instrument, Answers effective, long durationSeconds) {
        int answered = effective.size();
        boolean tooFast = answered > 0 && durationSeconds < instrument.quality().secondsPerItemOrDefault() * answered;

        Map<String, List<Integer>> byGrid = new HashMap<>();
        for (Item item : instrument.items()) {
            if (item.grid() != null) {
                effective
                        .code(item.id())
                        .ifPresent(code -> byGrid.computeIfAbsent(item.grid(), g -> new ArrayList<>())
                                .add(code));
            }
        }
        int minItems = instrument.quality().straightLiningMinItemsOrDefault();
        boolean straight = byGrid.values().stream()
                .anyMatch(codes ->
                        codes.size() >= minItems && codes.stream().distinct().count() == 1);

        boolean inconsistent = false;
        for (Item twelveMonths : instrument.items()) {
            if (twelveMonths.taxonomyCode() == null || !"12m".equals(twelveMonths.period())) {
                continue;
            }
            Optional<Item> ever = instrument.items().stream()
                    .filter(i -> twelveMonths.taxonomyCode().equals(i.taxonomyCode()) && "lifetime".equals(i.period()))
                    .findFirst();
            if (ever.isPresent()
                    && effective.code(twelveMonths.id()).orElse(0) == YES
                    && effective.code(ever.get().id()).orElse(0) == NO) {
                inconsistent = true;
            }
        }
        return new QualityFlags(tooFast, straight, inconsistent);
    }
}
