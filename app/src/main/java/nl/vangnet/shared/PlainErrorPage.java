package nl.vangnet.shared;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error response for requests that never reached the application: refused by the servlet
 * container (a malformed request line, bad percent-encoding, an encoded slash or NUL, headers too
 * large) or failing again while the error page itself was made. The same calm page as {@code
 * error.html}, in Dutch or English, with the quick exit, written without templates or a
 * request context, so nothing in it can fail on a broken request; problem+json under {@code
 * /api/}. Never an exception text, a stack trace or the server's name.
 */
@Component
class PlainErrorPage {

    private final MessageSource messages;
    private final Problems problems;
    private final JsonMapper json;
    private final VangnetProperties properties;

    PlainErrorPage(MessageSource messages, Problems problems, JsonMapper json, VangnetProperties properties) {
        this.messages = messages;
        this.problems = problems;
        this.json = json;
        this.properties = properties;
    }

    /** A body and its content type. */
    record Rendered(String contentType, String body) {}

    Rendered render(int status, boolean api, @Nullable String instance, Locale locale) {
        if (api) {
            String body = json.writeValueAsString(
                    problems.body(new ApiProblem(status, ErrorPages.problemSlug(status)), instance, locale));
            return new Rendered("application/problem+json;charset=UTF-8", body);
        }
        boolean english = Languages.isEnglish(locale);
        String lang = english ? "en" : "nl";
        String other = english ? "nl" : "en";
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(lang)
                .append("\">\n<head>\n")
                .append("  <meta charset=\"utf-8\">\n")
                .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("  <meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("  <meta name=\"robots\" content=\"noindex\">\n")
                .append("  <title>")
                .append(text("error.title", locale))
                .append(" — ")
                .append(text("app.name", locale))
                .append("</title>\n")
                .append("  <link rel=\"stylesheet\" href=\"/css/vangnet.css\">\n")
                .append("  <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n")
                .append("  <script type=\"module\" src=\"/js/quick-exit.js\"></script>\n")
                .append("</head>\n<body class=\"public\">\n")
                .append("  <a class=\"skip-link\" href=\"#content\">")
                .append(text("layout.skip", locale))
                .append("</a>\n")
                .append("  <header class=\"site-header\">\n    <div class=\"site-header__inner\">\n")
                .append("      <a class=\"brand\" href=\"")
                .append(english ? "/help" : "/")
                .append("\">\n")
                .append("        <span class=\"brand__name\">")
                .append(text("app.name", locale))
                .append("</span>\n")
                .append("        <span class=\"brand__tagline\">")
                .append(text("app.tagline", locale))
                .append("</span>\n")
                .append("      </a>\n")
                .append("      <nav class=\"header-tools\" aria-label=\"")
                .append(text("layout.nav.label", locale))
                .append("\">\n")
                // The other language's start page: this address itself may be what was refused.
                .append("        <a class=\"lang-switch\" href=\"")
                .append(english ? "/" : "/help")
                .append("\" lang=\"")
                .append(other)
                .append("\" hreflang=\"")
                .append(other)
                .append("\" aria-label=\"")
                .append(text("layout.language.switch.label", locale))
                .append("\">")
                .append(text("layout.language.switch", locale))
                .append("</a>\n")
                .append("        <a class=\"quick-exit\" href=\"")
                .append(QuickExit.PATH) // ends the session, then leaves to the neutral site
                .append("\" rel=\"noreferrer noopener\" data-quick-exit title=\"")
                .append(text("layout.quickExit.hint", locale))
                .append("\">")
                .append(text("layout.quickExit", locale))
                .append("</a>\n")
                .append("      </nav>\n    </div>\n  </header>\n")
                .append(
                        "  <main id=\"content\" class=\"content\" tabindex=\"-1\"><section class=\"error-page\" data-status=\"")
                .append(status)
                .append("\">\n")
                .append("    <h1>")
                .append(text("error.title", locale))
                .append("</h1>\n")
                .append("    <p>")
                .append(text("error.page." + ErrorPages.pageKind(status), locale))
                .append("</p>\n")
                .append("    <p class=\"error-code\">")
                .append(text("error.code", locale, status))
                .append("</p>\n")
                .append("    <p><a href=\"")
                .append(english ? "/help" : "/")
                .append("\">")
                .append(text("error.home", locale))
                .append("</a></p>\n")
                .append("  </section></main>\n")
                .append("  <footer class=\"site-footer\">\n")
                .append("    <p>")
                .append(text("layout.footer.noTracking", locale))
                .append("</p>\n")
                .append("    <ul><li><a href=\"/privacy\">")
                .append(text("layout.footer.privacy", locale))
                .append("</a></li></ul>\n")
                .append("  </footer>\n</body>\n</html>\n");
        return new Rendered("text/html;charset=UTF-8", html.toString());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, key, locale), "UTF-8");
    }
}
