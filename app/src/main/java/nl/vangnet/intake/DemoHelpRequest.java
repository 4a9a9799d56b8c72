package nl.vangnet.intake;

import java.util.List;
import nl.vangnet.shared.VangnetProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code vangnet.demo=true}: one synthetic help request with the public receipt
 * {@code 1000 0000 0000 0000 0001} and a message from a professional, so the follow-up page and
 * the look-up API (whose OpenAPI example uses this receipt) can be tried. Never in production:
 * the receipt is public. Idempotent.
 */
@Component
@Order(30)
class DemoHelpRequest implements ApplicationRunner {

    static final Receipt RECEIPT = new Receipt("10000000", "000000000001");

    private final IntakeManagement intake;
    private final HelpRequests requests;
    private final VangnetProperties properties;

    DemoHelpRequest(IntakeManagement intake, HelpRequests requests, VangnetProperties properties) {
        this.intake = intake;
        this.requests = requests;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo() || requests.lookupIdTaken(RECEIPT.lookupId())) {
            return;
        }
        IntakeAnswers answers = IntakeAnswers.EMPTY
                .with(Question.NOW, List.of("stopped"))
                .with(Question.WHAT, List.of("threatened"))
                .with(Question.DEMAND, List.of("money"))
                .with(Question.AGE, List.of("16-17"))
                .with(Question.NEED, List.of("stop-threats", "talk"));
        IntakeManagement.Submission demo = intake.submit(
                answers,
                new IntakeManagement.SaveChoices(true, "", List.of(), ""),
                IntakeManagement.Source.WEB,
                nl.vangnet.shared.Languages.DUTCH,
                RECEIPT);
        intake.postProfessionalMessage(
                demo.id(), "Demo Hulplijn", "Dit is een demobericht. Alles in deze omgeving is verzonnen.");
    }
}
