package nl.vangnet.taxonomy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff page to browse the taxonomy, in the page language. */
@Controller
class TaxonomyPageController {

    private final Taxonomies taxonomies;

    TaxonomyPageController(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    @GetMapping("/staff/taxonomy")
    String browse(@RequestParam(name = "version", required = false) String version, Model model) {
        TaxonomyVersion shown = version == null
                ? taxonomies.current()
                : taxonomies.version(version).orElse(taxonomies.current());
        model.addAttribute("taxonomy", shown);
        model.addAttribute("versions", taxonomies.versionNames());
        return "taxonomy/browse";
    }
}
