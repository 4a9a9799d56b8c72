package nl.vangnet.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** The reason shown to staff for a notice the mail server did not take. */
class NoticeDispatcherTests {

    @Test
    void aServerThatCannotBeReachedIsUnreachableEvenWhenSpringListsTheMessageAsFailed() {
        MessagingException connect = new MessagingException("connect", new ConnectException("refused"));
        MailSendException failure =
                new MailSendException("Mail server connection failed", connect, Map.of(new Object(), connect));
        assertThat(NoticeDispatcher.classify(failure)).isEqualTo("mail-unreachable");
    }

    @Test
    void aRefusedRecipientOrMessageIsRejected() {
        SendFailedException refused = new SendFailedException("550 no such user");
        MailSendException failure = new MailSendException("Failed messages", refused, Map.of(new Object(), refused));
        assertThat(NoticeDispatcher.classify(failure)).isEqualTo("mail-rejected");
    }

    @Test
    void aRefusedLoginIsAnAuthenticationProblem() {
        MailSendException failure = new MailSendException(
                "auth", new MessagingException("wrapped", new AuthenticationFailedException("535")));
        assertThat(NoticeDispatcher.classify(failure)).isEqualTo("mail-authentication");
    }
}
