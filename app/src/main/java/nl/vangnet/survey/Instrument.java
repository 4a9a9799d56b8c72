package nl.vangnet.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vangnet.taxonomy.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * One version of a questionnaire, read from a data file under {@code survey/instruments/}. A
 * published version never changes: its content hash is pinned in the manifest, and changes make
 * a new version. Pages give the server-side paging; a page's {@code showIf} is the skip logic, an
 * item's {@code showIf} the display logic. Conditions may only look at items on earlier pages, so
 * everything works without JavaScript.
 */
record Instrument(
        String id,
        String version,
        String status,
        LocalizedText title,
        LocalizedText description,
        @Nullable String taxonomyVersion,
        List<String> taxonomyExcluded,
        Quality quality,
        Map<String, List<Option>> scales,
        List<Page> pages,
        List<Item> items) {

    static final String PUBLISHED = "published";
    static final String DRAFT = "draft";

    Instrument {
        title = title == null ? new LocalizedText("", "") : title;
        description = description == null ? new LocalizedText("", "") : description;
        taxonomyExcluded = taxonomyExcluded == null ? List.of() : List.copyOf(taxonomyExcluded);
        quality = quality == null ? new Quality(null, null) : quality;
        scales = scales == null ? Map.of() : Map.copyOf(scales);
        pages = pages == null ? List.of() : List.copyOf(pages);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The key campaigns and exports use, e.g. {@code help-seeking/1}. */
    public String key() {
        return id + "/" + version;
    }

    boolean published() {
        return PUBLISHED.equals(status);
    }

    Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The answer options of an item: its own, or those of the scale it names. */
    List<Option> optionsOf(Item item) {
        if (item.scale() != null) {
            return scales.getOrDefault(item.scale(), List.of());
        }
        return item.options();
    }

    Optional<Option> option(Item item, int code) {
        return optionsOf(item).stream().filter(o -> o.code() == code).findFirst();
    }

    /** Items in page order, which is also the order of the codebook and the export columns. */
    List<Item> itemsInPageOrder() {
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<Item> ordered = new ArrayList<>();
        for (Page page : pages) {
            for (String itemId : page.items()) {
                Item item = byId.get(itemId);
                if (item != null) {
                    ordered.add(item);
                }
            }
        }
        return ordered;
    }

    List<Item> itemsOn(Page page) {
        return page.items().stream().flatMap(id -> item(id).stream()).toList();
    }

    int pageIndexOf(String itemId) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).items().contains(itemId)) {
                return i;
            }
        }
        return -1;
    }

    /** One question. {@code type} is one of single, multiple, likert, number, text. */
    record Item(
            String id,
            String type,
            LocalizedText text,
            @Nullable LocalizedText hint,
            @Nullable String scale,
            List<Option> options,
            @Nullable Integer min,
            @Nullable Integer max,
            @Nullable Integer maxLength,
            boolean required,
            boolean sensitive,
            @Nullable Condition showIf,
            @Nullable String taxonomyCode,
            @Nullable String period,
            @Nullable String grid,
            @Nullable LocalizedText label) {

        Item {
            text = text == null ? new LocalizedText("", "") : text;
            options = options == null ? List.of() : List.copyOf(options);
            type = type == null ? "" : type;
        }

        ItemType kind() {
            return ItemType.of(type);
        }

        /** The short variable label for the codebook; the question text when none is given. */
        LocalizedText variableLabel() {
            return label != null ? label : text;
        }
    }

    /** An answer option with its stable code. An exclusive option ("nobody") cannot be combined. */
    record Option(@Nullable Integer code, LocalizedText label, boolean exclusive) {
        Option {
            label = label == null ? new LocalizedText("", "") : label;
        }

        @Override
        public Integer code() {
            return code == null ? Integer.MIN_VALUE : code;
        }
    }

    /** One screen of questions; skipped when its condition does not hold. */
    record Page(
            String id,
            @Nullable LocalizedText title,
            @Nullable LocalizedText intro,
            List<String> items,
            @Nullable Condition showIf) {
        Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * When to show a page or an item. Exactly one form: an item test ({@code anyOf} codes,
     * {@code min}/{@code max} for numbers, or {@code answered}), or a combination ({@code all},
     * {@code any}, {@code not}).
     */
    record Condition(
            @Nullable String item,
            @Nullable List<Integer> anyOf,
            @Nullable Integer min,
            @Nullable Integer max,
            @Nullable Boolean answered,
            @Nullable List<Condition> all,
            @Nullable List<Condition> any,
            @Nullable Condition not) {

        /** Every item this condition reads, however deeply nested. */
        List<String> referencedItems() {
            List<String> found = new ArrayList<>();
            collect(this, found);
            return found;
        }

        private static void collect(Condition c, List<String> found) {
            if (c.item != null) {
                found.add(c.item);
            }
            if (c.all != null) {
                c.all.forEach(x -> collect(x, found));
            }
            if (c.any != null) {
                c.any.forEach(x -> collect(x, found));
            }
            if (c.not != null) {
                collect(c.not, found);
            }
        }
    }

    /**
     * Response-quality settings: an answer faster than {@code secondsPerItem} per answered item is
     * flagged too fast; a grid of at least {@code straightLiningMinItems} items all answered with
     * the same code is flagged as straight-lining.
     */
    record Quality(
            @Nullable Double secondsPerItem, @Nullable Integer straightLiningMinItems) {
        double secondsPerItemOrDefault() {
            return secondsPerItem == null ? 1.5 : secondsPerItem;
        }

        int straightLiningMinItemsOrDefault() {
            return straightLiningMinItems == null ? 5 : straightLiningMinItems;
        }
    }
}
