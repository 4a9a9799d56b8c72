package nl.vangnet.matching;

import nl.vangnet.cases.CaseId;
import nl.vangnet.cases.CaseManagement;
import nl.vangnet.cases.SystemTask;
import nl.vangnet.intake.HelpRequestId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A platform stopped an upload of a victim's image: the organisation that owns the victim's case
 * gets a task to follow up (at most one open at a time, however many uploads are stopped). Hashes
 * banked by staff from takedown work have no victim case and get no task.
 */
@Component
class MatchTasks {

    private final CaseManagement cases;

    MatchTasks(CaseManagement cases) {
        this.cases = cases;
    }

    @ApplicationModuleListener
    void on(HashMatched matched) {
        if (matched.sourceId() == null) {
            return;
        }
        switch (matched.source()) {
            case HELP_REQUEST ->
                cases.addSystemTask(new HelpRequestId(matched.sourceId()), null, SystemTask.PLATFORM_MATCH);
            case CASE -> cases.addSystemTask(null, new CaseId(matched.sourceId()), SystemTask.PLATFORM_MATCH);
            case STAFF -> {}
        }
    }
}
