package nl.vangnet.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The case does not exist or this staff member may not see it (or this part of it): the two are
 * deliberately the same, so pages and the API answer 404 and never reveal that a case exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseNotFound extends RuntimeException {
    public CaseNotFound() {
        super("case not found", null, false, false);
    }
}
