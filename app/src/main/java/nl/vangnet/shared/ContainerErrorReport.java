package nl.vangnet.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Replaces Tomcat's error report (its "HTTP Status 400 – Bad Request" page, without our headers)
 * for every error response that nothing else wrote a body for: requests the connector refused
 * before any servlet ran, and error pages that failed themselves. Writes {@link PlainErrorPage}
 * with the full set of {@link SecurityHeaders}. A request whose headers were too large is
 * answered 431, as RFC 6585 says, instead of Tomcat's plain 400.
 */
class ContainerErrorReport extends ErrorReportValve {

    private static final Pattern LANGUAGE_COOKIE =
            Pattern.compile("(?:^|;)\\s*" + Pattern.quote(LanguageResolver.COOKIE) + "=\"?(nl|en)\\b");

    /** Tomcat's own message for a request whose headers do not fit the header buffer. */
    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    private final ObjectProvider<PlainErrorPage> pages;

    ContainerErrorReport(ObjectProvider<PlainErrorPage> pages) {
        this.pages = pages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == 400 && headersTooLarge(throwable)) {
            status = 431;
            response.setStatus(status);
        }
        String uri = rawUri(request);
        boolean api = uri != null && uri.startsWith("/api/");
        Locale locale = language(request);
        PlainErrorPage.Rendered page = pages.getObject().render(status, api, api ? safeInstance(uri) : null, locale);
        SecurityHeaders.apply(response, api);
        response.setHeader("Content-Language", locale.getLanguage());
        response.setContentType(page.contentType());
        response.setCharacterEncoding("UTF-8");
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page.body());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot be written any more: nothing to add.
        }
    }

    private static boolean headersTooLarge(@Nullable Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && HEADER_TOO_LARGE.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String rawUri(Request request) {
        try {
            String uri = request.getCoyoteRequest().requestURI().toString();
            return uri == null || uri.isEmpty() ? null : uri;
        } catch (RuntimeException unparsed) {
            return null;
        }
    }

    /** The path as a problem's instance only when it is plain printable ASCII. */
    private static @Nullable String safeInstance(String uri) {
        if (uri.length() > 512) {
            return null;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return null;
            }
        }
        return uri;
    }

    /** The remembered language (cookie), else Accept-Language, else Dutch; headers may be missing. */
    private static Locale language(Request request) {
        try {
            String cookies = request.getCoyoteRequest().getMimeHeaders().getHeader("Cookie");
            if (cookies != null) {
                Matcher m = LANGUAGE_COOKIE.matcher(cookies);
                if (m.find()) {
                    return Languages.supportedOrDefault(m.group(1));
                }
            }
            return Languages.fromAcceptLanguage(
                    request.getCoyoteRequest().getMimeHeaders().getHeader("Accept-Language"));
        } catch (RuntimeException unparsed) {
            return Languages.DUTCH;
        }
    }
}
