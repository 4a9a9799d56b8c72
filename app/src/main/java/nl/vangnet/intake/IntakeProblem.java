package nl.vangnet.intake;

import java.util.List;

/** Input the portal refuses, with every problem at once; pages and the API tell each in the user's language. */
public class IntakeProblem extends RuntimeException {

    private final transient List<AnswerRules.Problem> problems;

    IntakeProblem(List<AnswerRules.Problem> problems) {
        super("invalid input: "
                + problems.stream().map(AnswerRules.Problem::code).toList());
        this.problems = List.copyOf(problems);
    }

    List<AnswerRules.Problem> problems() {
        return problems;
    }
}
