package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRedactionTests {

    @Test
    void contactDetailsBecomeMarkers() {
        TextRedaction.Result r =
                TextRedaction.redact("Mail me op sanne.de.vries@voorbeeld.nl of bel 06-12345678, insta @sanne_2010, "
                        + "zie www.mijnpagina.nl/foto en https://voorbeeld.org/x?y=1, ik woon in 1234 AB.");
        assertThat(r.text())
                .isEqualTo("Mail me op [REMOVED:email] of bel [REMOVED:phone], insta [REMOVED:handle], "
                        + "zie [REMOVED:link] en [REMOVED:link] ik woon in [REMOVED:postcode].");
        assertThat(r.removed()).isEqualTo(6);
    }

    @Test
    void internationalAndSpacedPhoneNumbersToo() {
        assertThat(TextRedaction.redact("+31 6 1234 5678").text()).isEqualTo("[REMOVED:phone]");
        assertThat(TextRedaction.redact("0031612345678").text()).isEqualTo("[REMOVED:phone]");
        assertThat(TextRedaction.redact("020 - 123 45 67").text()).isEqualTo("[REMOVED:phone]");
    }

    @Test
    void ordinaryAnswersStayAsTheyAre() {
        String answer = "Meer uitleg op school, in klas 3 of 4. Ik was 14 en het duurde 2 weken (in 2025).";
        TextRedaction.Result r = TextRedaction.redact(answer);
        assertThat(r.text()).isEqualTo(answer);
        assertThat(r.removed()).isZero();
        assertThat(TextRedaction.redact("Niet zo@ snel").removed()).isZero();
    }
}
