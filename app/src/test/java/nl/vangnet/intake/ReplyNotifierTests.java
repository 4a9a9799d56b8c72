package nl.vangnet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The neutral notification e-mail and the outbox's backoff, without a mail server. */
class ReplyNotifierTests {

    private static final IntakeProperties.Notification SETTINGS = new IntakeProperties.Notification(
            "bericht@neutraal.test", false, null, Duration.ofMinutes(1), Duration.ofHours(1), null, null);

    private static ReplyNotifier notifier() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/intake");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ReplyNotifier(
                null, null, null, null, new IntakeProperties(null, null, SETTINGS), messages, null, null);
    }

    @Test
    void theEmailSaysOnlyThatThereIsANewMessageInThePersonsLanguage() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        MimeMessage dutch = notifier().compose(sender, "iemand@example.org", Locale.forLanguageTag("nl"));
        dutch.saveChanges();
        InternetAddress from = (InternetAddress) dutch.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("bericht@neutraal.test");
        assertThat(from.getPersonal()).isEqualTo("Berichten");
        assertThat(dutch.getSubject()).isEqualTo("Je hebt een nieuw bericht");
        assertThat((String) dutch.getContent())
                .startsWith("Hallo,")
                .contains("Er staat een nieuw bericht voor je klaar.")
                .doesNotContain("http", "Vangnet", "Helpwanted");
        // The Message-ID names the sender's domain, not this machine's user and host.
        assertThat(dutch.getMessageID()).endsWith("@neutraal.test>").doesNotContain("JavaMail");
        assertThat(Collections.list(dutch.getAllHeaderLines()))
                .noneMatch(h -> h.startsWith("X-Mailer") || h.startsWith("Reply-To"));

        MimeMessage english = notifier().compose(sender, "someone@example.org", Locale.ENGLISH);
        assertThat(((InternetAddress) english.getFrom()[0]).getPersonal()).isEqualTo("Messages");
        assertThat(english.getSubject()).isEqualTo("You have a new message");
    }

    @Test
    void failedAttemptsWaitTwiceAsLongUpToTheMaximum() {
        assertThat(ReplyNotifier.backoff(SETTINGS, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReplyNotifier.backoff(SETTINGS, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ReplyNotifier.backoff(SETTINGS, 6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(ReplyNotifier.backoff(SETTINGS, 7)).isEqualTo(Duration.ofHours(1));
        assertThat(ReplyNotifier.backoff(SETTINGS, 500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAddressIsShownMasked() {
        assertThat(IntakeManagement.mask("sanne.test@example.org")).isEqualTo("s•••@example.org");
        assertThat(IntakeManagement.mask("x@y.nl")).isEqualTo("x•••@y.nl");
        assertThat(IntakeManagement.mask("@geen")).isEqualTo("•••");
    }
}
