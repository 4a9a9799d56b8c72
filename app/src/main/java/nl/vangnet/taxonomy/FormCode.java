package nl.vangnet.taxonomy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A primary form code such as {@code SXT-FIN}: one per incident. Which dimensions apply, which
 * of those are mandatory and which values a code narrows a dimension to are part of the data.
 */
public record FormCode(
        String code,
        String group,
        LocalizedText label,
        LocalizedText definition,
        List<String> relatedArticles,
        List<String> mandatory,
        List<String> optional,
        Map<String, List<String>> restrictions) {

    public FormCode {
        relatedArticles = relatedArticles == null ? List.of() : List.copyOf(relatedArticles);
        mandatory = mandatory == null ? List.of() : List.copyOf(mandatory);
        optional = optional == null ? List.of() : List.copyOf(optional);
        restrictions = restrictions == null ? Map.of() : Map.copyOf(restrictions);
    }

    /** The names of every dimension this code takes, mandatory ones first. */
    Set<String> applicableDimensions(List<String> common) {
        Set<String> names = new LinkedHashSet<>(mandatory);
        names.addAll(common);
        names.addAll(optional);
        names.addAll(restrictions.keySet());
        return names;
    }

    public boolean isMandatory(String dimension) {
        return mandatory.contains(dimension);
    }
}
