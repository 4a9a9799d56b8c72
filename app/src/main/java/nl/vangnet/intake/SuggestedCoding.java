package nl.vangnet.intake;

import java.util.List;
import java.util.Map;

/**
 * The coding the portal suggests for what the person told; a professional confirms or corrects
 * it, and the agreement between the two is a quality figure of the product.
 *
 * @param taxonomyVersion the taxonomy version the codes belong to
 * @param code the primary form code
 * @param dimensions dimension values derived from the answers (all valid for the code)
 * @param secondaryCodes the other acts told, as secondary incidents, in precedence order
 * @param toConfirm mandatory dimensions the answers cannot tell; a professional fills them in
 */
public record SuggestedCoding(
        String taxonomyVersion,
        String code,
        Map<String, List<String>> dimensions,
        List<String> secondaryCodes,
        List<String> toConfirm) {

    public SuggestedCoding {
        dimensions = Map.copyOf(dimensions);
        secondaryCodes = List.copyOf(secondaryCodes);
        toConfirm = List.copyOf(toConfirm);
    }

    /** The primary code followed by the secondary ones. */
    public List<String> allCodes() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(code);
        all.addAll(secondaryCodes);
        return all;
    }
}
