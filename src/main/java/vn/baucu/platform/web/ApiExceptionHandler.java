package vn.baucu.platform.web;

import vn.baucu.platform.ProblemRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.baucu.platform.DomainException;
import vn.baucu.platform.Violation;

/** Maps every exception of a REST controller to a localised RFC 9457 problem. Controllers never catch and print. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemRenderer renderer;

    ApiExceptionHandler(ProblemRenderer renderer) {
        this.renderer = renderer;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        return respond(renderer.render(e, locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, Locale locale) {
        return respond(renderer.render(DomainException.forbidden("problem.forbidden"), locale));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return respond(renderer.render(DomainException.malformed(List.of(Violation.of(
                "P-400", e.getName(), "problem.bad-parameter", e.getName(), String.valueOf(e.getValue())))), locale));
    }

    /**
     * A database constraint that a facade did not check first: a 409 that names the constraint in the way,
     * never a 500. (Facades check the cases users meet; this is the net under them.)
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> constraint(org.springframework.dao.DataIntegrityViolationException e, Locale locale) {
        log.warn("constraint violation answered with 409: {}", e.getMostSpecificCause().getMessage());
        return respond(renderer.render(ConstraintProblems.of(e), locale));
    }

    /** A request that should carry a file sent without one (not multipart): 400, never a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(org.springframework.web.multipart.MultipartException e, Locale locale) {
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(renderer.render(413, "too-large", "problem.too-large", new Object[0], List.of(), locale));
        }
        return respond(renderer.render(400, "bad-request", "problem.file-expected", new Object[0], List.of(), locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        log.error("unexpected error", e);
        return respond(renderer.render(500, "internal", "problem.internal", new Object[0], List.of(), locale));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(renderer.render(DomainException.malformed(List.of(Violation.of(
                "P-401", e.getParameterName(), "problem.missing-parameter", e.getParameterName()))), request.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(renderer.render(400, "bad-request", "problem.malformed-body", new Object[0], List.of(),
                request.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            violations.add(Violation.of("P-402", fe.getField(), "problem.invalid-field", fe.getField(),
                    String.valueOf(fe.getDefaultMessage())));
        }
        return asObject(renderer.render(DomainException.malformed(violations), request.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(renderer.render(413, "too-large", "problem.too-large", new Object[0], List.of(),
                request.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // the other standard MVC exceptions (405, 406, 415 …): same shape, localised title
        if (body instanceof ProblemDetail p) {
            ProblemDetail localised = renderer.render(statusCode.value(), "http-" + statusCode.value(),
                    "problem.http", new Object[] {statusCode.value()}, List.of(), request.getLocale());
            localised.setDetail(p.getDetail());
            return asObject(localised);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
