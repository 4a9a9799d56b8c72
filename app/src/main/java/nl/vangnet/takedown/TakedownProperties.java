package nl.vangnet.takedown;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the takedown module, under {@code vangnet.takedown}. Every duration is measured on
 * the application's {@code Clock}.
 *
 * @param target how long a host has to remove content after the notice reached it
 * @param resendAfter after how long without a receipt confirmation an e-mailed notice is sent again
 * @param maxResends how many reminders go out per notice at most
 * @param escalationDelay how long after the deadline a request that is still online is escalated
 * @param recheckInterval how often each open URL is checked
 * @param recheckConcurrency how many checks run at once
 * @param recheckBatch how many due requests one round picks up
 * @param pdqThreshold the largest Hamming distance at which a served image counts as the case's image
 */
@ConfigurationProperties("vangnet.takedown")
record TakedownProperties(
        Duration target,
        Duration resendAfter,
        Integer maxResends,
        Duration escalationDelay,
        Duration recheckInterval,
        int recheckConcurrency,
        int recheckBatch,
        int pdqThreshold,
        Jobs jobs,
        Fetch fetch,
        Rdap rdap,
        Mail mail,
        Notifier notifier,
        Escalation escalation) {

    TakedownProperties {
        target = positive(target, Duration.ofHours(24));
        resendAfter = positive(resendAfter, Duration.ofHours(12));
        maxResends = maxResends == null || maxResends < 0 ? 1 : maxResends;
        escalationDelay = escalationDelay == null || escalationDelay.isNegative() ? Duration.ZERO : escalationDelay;
        recheckInterval = positive(recheckInterval, Duration.ofHours(1));
        recheckConcurrency = recheckConcurrency <= 0 ? 32 : recheckConcurrency;
        recheckBatch = recheckBatch <= 0 ? 1000 : recheckBatch;
        pdqThreshold = pdqThreshold <= 0 ? 31 : pdqThreshold;
        jobs = jobs == null ? new Jobs(null, null) : jobs;
        fetch = fetch == null ? new Fetch(false, false, false, 0, 0, null, null, null, null) : fetch;
        rdap = rdap == null ? new Rdap(null, null, null, null) : rdap;
        mail = mail == null ? new Mail(null, null, null) : mail;
        notifier = notifier == null ? new Notifier(null, null) : notifier;
        escalation = escalation == null ? new Escalation(null, null, null, null, null) : escalation;
    }

    static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    /**
     * @param enabled run the scheduled jobs (tests switch them off and run them by hand)
     * @param interval pause between two rounds of the jobs
     */
    record Jobs(Boolean enabled, Duration interval) {
        Jobs {
            enabled = enabled == null || enabled;
            interval = positive(interval, Duration.ofSeconds(30));
        }
    }

    /**
     * Outbound fetching (re-checks, RDAP, bootstrap refresh). Private, loopback and link-local
     * addresses are refused unless allowed here; the tests allow loopback only.
     *
     * @param maxBodyBytes the largest body read (an image to hash, an RDAP answer)
     * @param userAgent sent with every request
     */
    record Fetch(
            boolean allowLoopback,
            boolean allowPrivate,
            boolean allowLinkLocal,
            int maxRedirects,
            long maxBodyBytes,
            Duration connectTimeout,
            Duration readTimeout,
            Duration totalTimeout,
            String userAgent) {
        Fetch {
            maxRedirects = maxRedirects <= 0 ? 5 : maxRedirects;
            maxBodyBytes = maxBodyBytes <= 0 ? 8L * 1024 * 1024 : maxBodyBytes;
            connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
            readTimeout = positive(readTimeout, Duration.ofSeconds(10));
            totalTimeout = positive(totalTimeout, Duration.ofSeconds(20));
            userAgent = userAgent == null || userAgent.isBlank() ? "Vangnet-takedown-check/1" : userAgent;
        }
    }

    /**
     * @param bootstrapBaseUrl where {@code dns.json}, {@code ipv4.json} and {@code ipv6.json} are refreshed from
     * @param bootstrapRefresh how often the bootstrap files are refreshed automatically; zero means only by hand
     * @param cacheTtl how long a found RDAP answer is reused
     * @param negativeTtl how long a failed or empty RDAP answer is reused
     */
    record Rdap(URI bootstrapBaseUrl, Duration bootstrapRefresh, Duration cacheTtl, Duration negativeTtl) {
        Rdap {
            bootstrapBaseUrl = bootstrapBaseUrl == null ? URI.create("https://data.iana.org/rdap/") : bootstrapBaseUrl;
            bootstrapRefresh =
                    bootstrapRefresh == null || bootstrapRefresh.isNegative() ? Duration.ZERO : bootstrapRefresh;
            cacheTtl = positive(cacheTtl, Duration.ofHours(24));
            negativeTtl = positive(negativeTtl, Duration.ofHours(1));
        }
    }

    /**
     * @param from the sender address of notices
     * @param retryInitial the wait after the first failed attempt; it doubles after each failure
     * @param retryMax the longest wait between two attempts
     */
    record Mail(String from, Duration retryInitial, Duration retryMax) {
        Mail {
            from = from == null || from.isBlank() ? "takedown@vangnet.invalid" : from;
            retryInitial = positive(retryInitial, Duration.ofMinutes(1));
            retryMax = positive(retryMax, Duration.ofHours(1));
        }
    }

    /** Who the notices name as notifier (article 16(2)(c) DSA): the organisation and its reply address. */
    record Notifier(String name, String email) {
        Notifier {
            name = name == null || name.isBlank() ? "Vangnet" : name;
            email = email == null || email.isBlank() ? "takedown@vangnet.invalid" : email;
        }
    }

    /**
     * The routes a request goes to when a host does not act in time. Without an e-mail address the
     * escalation notice is kept for export, so nothing is lost.
     *
     * @param name the default route (e.g. the hotline's trusted-flagger desk or the regulator)
     * @param minorName the route for imagery of people under 18 (e.g. the child-abuse-material hotline)
     * @param language the language of escalation notices
     */
    record Escalation(String name, String email, String minorName, String minorEmail, String language) {
        Escalation {
            name = name == null ? "" : name.strip();
            email = email == null ? "" : email.strip();
            minorName = minorName == null ? "" : minorName.strip();
            minorEmail = minorEmail == null ? "" : minorEmail.strip();
            language = "en".equals(language) ? "en" : "nl";
        }
    }
}
