package nl.vangnet.takedown;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued e-mail notices through the configured SMTP server. A notice is stored before
 * any attempt, so a mail server that is down, slow or refusing loses nothing: the attempt fails,
 * the notice stays queued with the reason, and the next attempt waits twice as long as the last
 * one (up to {@code retry-max}). Nothing gives up: the workspace shows every queued notice and
 * its last failure until it goes out. Delivery is at least once: a crash between the server
 * accepting a mail and the database noting it sends that notice again.
 */
@Component
class NoticeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Notices notices;
    private final CaseKeys keys;
    private final ObjectProvider<JavaMailSender> mail;
    private final TakedownProperties properties;
    private final DeliveryEffects effects;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NoticeDispatcher(
            Notices notices,
            CaseKeys keys,
            ObjectProvider<JavaMailSender> mail,
            TakedownProperties properties,
            DeliveryEffects effects,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.notices = notices;
        this.keys = keys;
        this.mail = mail;
        this.properties = properties;
        this.effects = effects;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Tries every due e-mail once; returns how many went out. */
    int dispatchDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<Notice> due = transactions.execute(s -> notices.claimDue(now, now.plus(LEASE), 20));
            if (due == null || due.isEmpty()) {
                return sent;
            }
            for (Notice notice : due) {
                if (attempt(notice)) {
                    sent++;
                }
            }
            if (due.size() < 20) {
                return sent;
            }
        }
    }

    /** Tries one notice right away (after staff created it), if it is still queued. */
    void dispatch(UUID noticeId) {
        Instant now = clock.instant();
        transactions.execute(s -> notices.claim(noticeId, now.plus(LEASE))).ifPresent(this::attempt);
    }

    private boolean attempt(Notice notice) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            fail(notice, "mail-not-configured");
            return false;
        }
        String messageId;
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setReplyTo(properties.notifier().email());
            helper.setTo(new InternetAddress(notice.recipient(), true));
            helper.setSubject(notice.subject());
            helper.setText(keys.decrypt(notice.caseRef(), notice.bodyCiphertext(), Notice.bodyContext(notice.id())));
            message.setHeader("X-Vangnet-Reference", notice.reference());
            sender.send(message);
            messageId = message.getMessageID();
        } catch (MailAuthenticationException e) {
            fail(notice, "mail-authentication");
            return false;
        } catch (MailException e) {
            fail(notice, classify(e));
            return false;
        } catch (MessagingException e) {
            fail(notice, "mail-invalid-recipient");
            return false;
        }
        Instant sentAt = clock.instant();
        transactions.executeWithoutResult(s -> {
            notices.markSent(notice.id(), sentAt, messageId);
            effects.delivered(notice, sentAt, "system");
        });
        log.info("Notice {} ({}) delivered to the mail server", notice.reference(), notice.kind());
        return true;
    }

    private void fail(Notice notice, String reason) {
        Duration wait = backoff(properties.mail(), notice.attempts() + 1);
        Instant next = clock.instant().plus(wait);
        transactions.executeWithoutResult(s -> notices.markFailed(notice.id(), next, reason));
        log.warn(
                "Notice {} not delivered ({}), attempt {}; next attempt in {}",
                notice.reference(),
                reason,
                notice.attempts() + 1,
                wait);
    }

    /**
     * Why the mail server did not take a notice, from the exception chain: a refused login, a
     * refused address or message, or (anything else, mostly) a server that cannot be reached.
     */
    static String classify(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>(java.util.List.of(failure));
        while (!pending.isEmpty() && chain.size() < 50) {
            Throwable t = pending.pop();
            chain.add(t);
            if (t.getCause() != null && !chain.contains(t.getCause())) {
                pending.push(t.getCause());
            }
            if (t instanceof MailSendException send) {
                pending.addAll(send.getFailedMessages().values());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                pending.push(m.getNextException());
            }
        }
        if (chain.stream().anyMatch(t -> t instanceof jakarta.mail.AuthenticationFailedException)) {
            return "mail-authentication";
        }
        if (chain.stream()
                .anyMatch(t -> t instanceof java.net.ConnectException
                        || t instanceof java.net.SocketTimeoutException
                        || t instanceof java.net.UnknownHostException
                        || t instanceof java.net.NoRouteToHostException)) {
            return "mail-unreachable";
        }
        if (chain.stream().anyMatch(t -> t instanceof jakarta.mail.SendFailedException)) {
            return "mail-rejected";
        }
        return "mail-unreachable";
    }

    /** The wait after the n-th failed attempt: initial, doubled per failure, capped. */
    static Duration backoff(TakedownProperties.Mail mail, int failedAttempts) {
        Duration initial = mail.retryInitial();
        Duration max = mail.retryMax();
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
