package vn.baucu.platform;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * How an officials' page handles a form: the change runs; done, the browser is redirected with a
 * confirmation; refused (400, 409 or 422), the same page is shown again with the problem and every
 * violation, under the refusal's status. Other problems (403, 404) go to the error pages.
 */
@Component
public class PageForms {

    private final ProblemRenderer problems;

    PageForms(ProblemRenderer problems) {
        this.problems = problems;
    }

    /** Runs {@code change}; on success redirects to {@code success} with {@code doneKey} as the confirmation. */
    public String submit(Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response, String doneKey,
                         String success, Supplier<?> change, Supplier<String> page) {
        try {
            change.get();
        } catch (DomainException e) {
            return refused(e, model, locale, response, page);
        }
        redirect.addFlashAttribute("done", doneKey);
        return "redirect:" + success;
    }

    /**
     * Gives the page being answered the status of the refusal it shows (a form shown again with its problems is a
     * 400, 403, 409 or 422, never a 200: browsers do not care, programs and caches do).
     */
    public static void answerWith(DomainException e) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            attributes.getResponse().setStatus(e.kind().status);
        }
    }

    /** The page again, showing a refusal under its own status; anything but 400, 409 or 422 is rethrown. */
    public String refused(DomainException e, Model model, Locale locale, HttpServletResponse response, Supplier<String> page) {
        if (e.kind() != DomainException.Kind.UNPROCESSABLE && e.kind() != DomainException.Kind.BAD_REQUEST
                && e.kind() != DomainException.Kind.CONFLICT) {
            throw e;
        }
        response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? 409 : 422);
        model.addAttribute("problem", problems.render(e, locale));
        model.addAttribute("violations", problems.violations(e.violations(), locale));
        return page.get();
    }
}
