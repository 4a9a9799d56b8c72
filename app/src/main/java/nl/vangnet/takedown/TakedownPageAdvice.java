package nl.vangnet.takedown;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every takedown staff page shares: the formatters, and a calm 404 for what the reader may not see. */
@ControllerAdvice(assignableTypes = {TakedownPages.class, TakedownAdminPages.class})
class TakedownPageAdvice {

    @ModelAttribute("fmt")
    TakedownFormats formats() {
        return new TakedownFormats();
    }

    @ExceptionHandler(TakedownProblem.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.page.not-found");
        return "error";
    }
}
