package nl.vangnet.cases;

import java.util.Map;
import nl.vangnet.identity.Organisation;
import nl.vangnet.identity.StaffManagement;
import nl.vangnet.shared.VangnetProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With {@code vangnet.demo=true}: links the synthetic demo organisations to directory entries
 * (hotline = Helpwanted and receiver of portal requests, care = CSG, police = Politie), so a demo
 * help request shared with the police reaches the demo police account. Runs after the demo
 * accounts exist and before the demo help request is saved.
 */
@Component
@Order(25)
class DemoCaseLinks implements ApplicationRunner {

    static final Map<String, String> LINKS = Map.of(
            "Demo Hulplijn Online Misbruik", "helpwanted",
            "Demo Centrum Seksueel Geweld", "csg",
            "Demo Politie Zeden", "politie");

    private final StaffManagement staff;
    private final OrganisationLinks links;
    private final VangnetProperties properties;

    DemoCaseLinks(StaffManagement staff, OrganisationLinks links, VangnetProperties properties) {
        this.staff = staff;
        this.links = links;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.demo() || links.portalReceiver().isPresent()) {
            return;
        }
        for (Organisation o : staff.organisations()) {
            String slug = LINKS.get(o.name());
            if (slug != null) {
                links.link(o.id(), slug);
                if (slug.equals("helpwanted")) {
                    links.setPortalReceiver(o.id());
                }
            }
        }
    }
}
