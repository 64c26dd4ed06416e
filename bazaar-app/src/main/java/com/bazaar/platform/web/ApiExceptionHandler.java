package com.bazaar.platform.web;

import com.bazaar.platform.Conflict;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.NotFound;
import com.bazaar.platform.Unavailable;
import com.bazaar.platform.ratelimit.RateLimited;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure of a JSON API call to one problem+json answer (API.md's error shape).
 * Domain exceptions carry their meaning in their type, and their reason as a message key
 * ({@link Conflict}, {@link InvalidInput}, {@link NotFound}, {@link Unavailable}, {@link RateLimited}
 * are {@code MessageSourceResolvable}s) read in the caller's language; anything unexpected becomes
 * a bare 500 whose details stay in the log, tied to the response by the trace id.
 */
@RestControllerAdvice(annotations = RestController.class)
final class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e) {
    return answer(ProblemResponses.problem(HttpStatus.NOT_FOUND, e, messages));
  }

  @ExceptionHandler(Conflict.class)
  ResponseEntity<ProblemDetail> conflict(Conflict e) {
    return answer(ProblemResponses.problem(HttpStatus.CONFLICT, e, messages));
  }

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
    ProblemDetail problem =
        invalidFields(List.of(new FieldError(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale()))));
    // the reason in no language, so that a caller in another process can raise the same refusal
    problem.setProperty("refusal", Map.of("field", e.field(), "code", e.getCodes()[0],
        "arguments", Arrays.stream(e.getArguments()).map(String::valueOf).toList()));
    return answer(problem);
  }

  @ExceptionHandler(RateLimited.class)
  ResponseEntity<ProblemDetail> rateLimited(RateLimited e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, e, messages));
  }

  @ExceptionHandler(Unavailable.class)
  ResponseEntity<ProblemDetail> unavailable(Unavailable e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, e, messages));
  }

  /**
   * Load, not a bug: a lock conflict that outlasted its retries (LockConflictRetry), or no database
   * connection within the pool's wait (a saturated or unreachable database). Try again.
   */
  @ExceptionHandler({PessimisticLockingFailureException.class, CannotCreateTransactionException.class,
      CannotGetJdbcConnectionException.class})
  ResponseEntity<ProblemDetail> databaseBusy(Exception e) {
    log.warn("database busy: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "busy; try again"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
    return answer(ProblemResponses.problem(HttpStatus.FORBIDDEN, "not allowed"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected failure", e);
    return answer(
        ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see trace id"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), messageOf(f.getDefaultMessage())))
            .toList();
    return ResponseEntity.badRequest().body(invalidFields(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(err -> new FieldError(parameterName(r.getMethodParameter()), messageOf(err.getDefaultMessage()))))
            .toList();
    return ResponseEntity.badRequest().body(invalidFields(errors));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    return ResponseEntity.badRequest()
        .body(invalidFields(List.of(new FieldError(field, text("problem.wrongType")))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (causedBy(e, BodySizeLimitFilter.BodyTooLarge.class)) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "request body is too large"));
    }
    if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
      String field = json.getPathReference().isEmpty() ? "body" : fieldPath(json);
      return ResponseEntity.badRequest()
          .body(invalidFields(List.of(new FieldError(field, text("problem.wrongType")))));
    }
    return ResponseEntity.badRequest()
        .body(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "request body is missing or is not valid JSON"));
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Framework exceptions (405, 415, 406, missing parameters) get the trace id too.
    if (body instanceof ProblemDetail problem) {
      ProblemDetail withTrace =
          ProblemResponses.problem(HttpStatus.valueOf(status.value()), problem.getDetail());
      return new ResponseEntity<>(withTrace, headers, status);
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  private static String fieldPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Invalid input in the caller's language: title, detail and the fields' messages (Bean Validation
   * reads its messages in the same locale). English unless the caller asks for Chinese
   * ({@link ShopLocaleResolver}); the field names and the problem's type never change.
   */
  private ProblemDetail invalidFields(List<FieldError> errors) {
    ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, text("problem.invalidInput"));
    problem.setTitle(messages.getMessage("error.status.400", null, problem.getTitle(), LocaleContextHolder.getLocale()));
    problem.setProperty(
        "errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return problem;
  }

  /** A constraint without a message still names what is wrong: Map.of takes no null. */
  private String messageOf(@Nullable String defaultMessage) {
    return defaultMessage != null ? defaultMessage : text("problem.invalidInput");
  }

  private static String parameterName(MethodParameter parameter) {
    String name = parameter.getParameterName();
    return name != null ? name : "parameter";
  }

  private String text(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private record FieldError(String field, String message) {}
}
