package nl.vangnet.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.vangnet.shared.FieldEncryption;
import nl.vangnet.shared.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox of reply notifications through the SMTP server. The notification was written
 * in the same transaction as the professional's message, so once that message is saved the e-mail
 * is owed, across restarts and a mail server that is down: a failed attempt stays queued and the
 * next waits twice as long (up to {@code retry-max}); after {@code give-up-after} it is dropped (a
 * late "new message" helps nobody more than the receipt page does). Delivery is at least once.
 *
 * <p>The e-mail is neutral by design (docs/adr/0038): a sender name like "Berichten", the subject
 * "Je hebt een nieuw bericht", and a body that names no organisation, no site, no code and nothing
 * of the message; the Message-ID carries the sender's domain, not this machine's name. Nothing
 * identifying is logged: only counts and failure kinds.
 */
@Component
class ReplyNotifier {

    private static final Logger log = LoggerFactory.getLogger(ReplyNotifier.class);
    private static final int BATCH = 20;

    private final ReplyNotifications outbox;
    private final HelpRequests requests;
    private final FieldEncryption encryption;
    private final ObjectProvider<JavaMailSender> mail;
    private final IntakeProperties.Notification settings;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReplyNotifier(
            ReplyNotifications outbox,
            HelpRequests requests,
            FieldEncryption encryption,
            ObjectProvider<JavaMailSender> mail,
            IntakeProperties properties,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.outbox = outbox;
        this.requests = requests;
        this.encryption = encryption;
        this.mail = mail;
        this.settings = properties.notification();
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${vangnet.intake.notification.interval:PT30S}",
            initialDelayString = "${vangnet.intake.notification.interval:PT30S}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int sent = deliverDue();
            if (sent > 0) {
                log.info("{} reply notification(s) handed to the mail server", sent);
            }
        } catch (RuntimeException e) {
            log.error("Reply notifications round failed: {}", e.getClass().getName());
        }
    }

    /** Tries every due notification once; returns how many the mail server took. */
    synchronized int deliverDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<ReplyNotifications.Pending> due =
                    transactions.execute(s -> outbox.claimDue(now, now.plus(settings.lease()), BATCH));
            if (due == null || due.isEmpty()) {
                return sent;
            }
            for (ReplyNotifications.Pending pending : due) {
                if (attempt(pending)) {
                    sent++;
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean attempt(ReplyNotifications.Pending pending) {
        Optional<ReplyNotifications.Address> address = outbox.address(pending.requestId());
        Optional<HelpRequests.Stored> request = requests.byId(pending.requestId());
        if (address.isEmpty() || request.isEmpty()) {
            // The address was removed (or the request deleted) after the reply: no e-mail.
            outbox.done(pending.id());
            return false;
        }
        if (pending.createdAt().plus(settings.giveUpAfter()).isBefore(clock.instant())) {
            outbox.done(pending.id());
            log.warn("A reply notification could not be delivered within {} and was dropped", settings.giveUpAfter());
            return false;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            fail(pending, "mail-not-configured");
            return false;
        }
        try {
            String to = encryption.decrypt(
                    request.get().dataKey(),
                    address.get().encrypted(),
                    IntakeManagement.notificationContext(pending.requestId()));
            sender.send(compose(
                    sender, to, Languages.supportedOrDefault(address.get().language())));
        } catch (MailAuthenticationException e) {
            fail(pending, "mail-authentication");
            return false;
        } catch (MailException e) {
            fail(pending, "mail-unreachable");
            return false;
        } catch (MessagingException | UnsupportedEncodingException e) {
            fail(pending, "mail-invalid");
            return false;
        }
        outbox.done(pending.id());
        return true;
    }

    /** The neutral e-mail: nothing in it says where it comes from or what it is about. */
    MimeMessage compose(JavaMailSender sender, String to, Locale locale)
            throws MessagingException, UnsupportedEncodingException {
        InternetAddress from = new InternetAddress(settings.from(), true);
        MimeMessage message = sender instanceof JavaMailSenderImpl impl
                ? new NeutralMessage(impl.getSession(), domain(from.getAddress()))
                : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress(
                from.getAddress(), messages.getMessage("intake.notify.mail.sender", null, locale), "UTF-8"));
        helper.setTo(new InternetAddress(to, true));
        helper.setSubject(messages.getMessage("intake.notify.mail.subject", null, locale));
        helper.setText(messages.getMessage("intake.notify.mail.body", null, locale));
        return message;
    }

    private void fail(ReplyNotifications.Pending pending, String reason) {
        Duration wait = backoff(settings, pending.attempts() + 1);
        transactions.executeWithoutResult(
                s -> outbox.failed(pending.id(), clock.instant().plus(wait), reason));
        log.warn(
                "A reply notification was not delivered ({}), attempt {}; next in {}",
                reason,
                pending.attempts() + 1,
                wait);
    }

    /** The wait after the n-th failed attempt: initial, doubled per failure, capped. */
    static Duration backoff(IntakeProperties.Notification settings, int failedAttempts) {
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
        Duration wait = settings.retryInitial().multipliedBy(1L << doublings);
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }

    /** A message whose Message-ID names the sender's domain instead of this machine's user and host. */
    private static final class NeutralMessage extends MimeMessage {
        private final String domain;

        NeutralMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }
}
