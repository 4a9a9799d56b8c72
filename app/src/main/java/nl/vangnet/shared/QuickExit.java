package nl.vangnet.shared;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The quick exit: ends the visitor's session on the server (the portal's answers, a follow-up
 * binding, the language chosen for the session), removes the cookies this site set, and sends the
 * browser on to the neutral site. A plain link, so it works without JavaScript; with JavaScript the
 * page replaces itself with this address, so the portal page leaves the history too. Back then
 * finds no answers: every portal page is sent with no-store and reads the (now empty) session again.
 */
@Controller
public class QuickExit {

    public static final String PATH = "/exit";
    private static final String SESSION_COOKIE = "VANGNET_SESSION";

    private final VangnetProperties properties;

    QuickExit(VangnetProperties properties) {
        this.properties = properties;
    }

    @GetMapping(PATH)
    ResponseEntity<Void> leave(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        for (String name : new String[] {SESSION_COOKIE, LanguageChoice.COOKIE}) {
            Cookie gone = new Cookie(name, "");
            gone.setPath("/");
            gone.setMaxAge(0);
            gone.setHttpOnly(true);
            gone.setSecure(request.isSecure());
            response.addCookie(gone);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(properties.quickExitUrl()))
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
