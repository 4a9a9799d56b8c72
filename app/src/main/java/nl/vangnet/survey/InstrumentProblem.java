package nl.vangnet.survey;

import java.util.List;

/**
 * One thing wrong with an instrument file, told through the message key
 * {@code survey.instrument.problem.<code>} with {@code arguments} in order.
 */
record InstrumentProblem(String code, List<String> arguments) {

    InstrumentProblem {
        arguments = List.copyOf(arguments);
    }

    static InstrumentProblem of(String code, String... arguments) {
        return new InstrumentProblem(code, List.of(arguments));
    }

    String messageKey() {
        return "survey.instrument.problem." + code;
    }

    @Override
    public String toString() {
        return code + " " + arguments;
    }
}
