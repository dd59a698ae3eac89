package vn.baucu.platform.web;

import vn.baucu.platform.ProblemRenderer;
import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;
import vn.baucu.platform.DomainException;
import vn.baucu.platform.Violation;

/** Friendly, localised error pages for the browser, with the same titles and messages as the API. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {


    private final ProblemRenderer renderer;
    private final LayoutAdvice layout;

    PageExceptionHandler(ProblemRenderer renderer, LayoutAdvice layout) {
        this.renderer = renderer;
        this.layout = layout;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, Locale locale, HttpServletResponse response) {
        return page(renderer.render(e, locale), locale, response, e.violations());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, Locale locale, HttpServletResponse response) {
        return domain(DomainException.forbidden("problem.forbidden"), locale, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, Locale locale, HttpServletResponse response) {
        return domain(DomainException.malformed(List.of(Violation.of("P-400", e.getName(), "problem.bad-parameter",
                e.getName(), String.valueOf(e.getValue())))), locale, response);
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ModelAndView constraint(org.springframework.dao.DataIntegrityViolationException e, Locale locale,
                            HttpServletResponse response) {
        return domain(ConstraintProblems.of(e), locale, response);
    }

    /** A form that should carry a file sent without one (not multipart): 400, never a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ModelAndView notMultipart(org.springframework.web.multipart.MultipartException e, Locale locale,
                              HttpServletResponse response) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge, locale, response);
        }
        return page(renderer.render(400, "bad-request", "problem.file-expected", new Object[0], List.of(), locale),
                locale, response, List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, Locale locale, HttpServletResponse response) {
        return page(renderer.render(413, "too-large", "problem.too-large", new Object[0], List.of(), locale),
                locale, response, List.of());
    }

    private ModelAndView page(ProblemDetail p, Locale locale, HttpServletResponse response, List<Violation> violations) {
        response.setStatus(p.getStatus());
        var mav = new ModelAndView("error/problem");
        // @ModelAttribute methods do not run for exception handlers: the layout's attributes are added here
        mav.addObject("me", layout.me());
        mav.addObject("myUnitName", layout.myUnitName());
        mav.addObject("problem", p);
        mav.addObject("violations", renderer.violations(violations, locale));
        return mav;
    }
}
