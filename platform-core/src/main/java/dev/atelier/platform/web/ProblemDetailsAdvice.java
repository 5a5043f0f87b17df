package dev.atelier.platform.web;

import dev.atelier.platform.booking.IdempotencyKeyReusedException;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.identity.AccountExistsException;
import dev.atelier.platform.identity.IdentityUnavailableException;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.money.InvalidAmountException;
import dev.atelier.platform.payments.CredentialKeyMissingException;
import dev.atelier.platform.payments.MerchantKeyTakenException;
import dev.atelier.platform.payments.OrderNotKnownYetException;
import dev.atelier.platform.payments.PaymentMethodUnavailableException;
import dev.atelier.platform.payments.gateway.GatewayUnavailableException;
import dev.atelier.platform.payments.gateway.NoticeRejectedException;
import dev.atelier.platform.payments.ledger.RefundTooLargeException;
import dev.atelier.platform.payments.model.InvalidCredentialsException;
import dev.atelier.platform.staff.InvitationAnsweredException;
import dev.atelier.platform.staff.InvitationExpiredException;
import dev.atelier.platform.staff.InvitationNotFoundException;
import dev.atelier.platform.staff.LastOwnerException;
import dev.atelier.platform.staff.MemberExistsException;
import dev.atelier.platform.tenancy.NoCellAcceptsTenantsException;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.SlugTakenException;
import dev.atelier.platform.tenancy.TenantUnavailableException;
import dev.atelier.platform.tenancy.UnknownTenantException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Every error an Atelier API answers is RFC 9457 {@code application/problem+json}: a type, a title, the status, a
 * detail a person can act on and, for invalid input, {@code errors} naming each field. Never a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    public static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION,
                "The request has invalid fields: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return invalid(e.errors());
    }

    /** A query string that cannot be decoded (an escape cut short, bytes that are not UTF-8, a nameless parameter). */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodable() {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, "The query string cannot be decoded.");
    }

    @ExceptionHandler(Slug.InvalidSlugException.class)
    ProblemDetail invalidSlug(Slug.InvalidSlugException e) {
        return invalid(List.of(new FieldError("slug", e.getMessage())));
    }

    @ExceptionHandler(SlugTakenException.class)
    ProblemDetail slugTaken(SlugTakenException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.SLUG_TAKEN, e.getMessage());
    }

    @ExceptionHandler(AccountExistsException.class)
    ProblemDetail accountExists(AccountExistsException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.ACCOUNT_EXISTS, e.getMessage());
    }

    @ExceptionHandler(IdentityUnavailableException.class)
    ResponseEntity<ProblemDetail> identityUnavailable(IdentityUnavailableException e) {
        log.warn("identity server unavailable: {}", e.getMessage());
        return unavailable(ProblemType.IDENTITY_UNAVAILABLE, 30,
                "Sign-in services are unavailable right now; nothing was created. Please try again shortly.");
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            NoCellAcceptsTenantsException.class})
    ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException e) {
        log.warn("storage unavailable: {}", e.getMessage());
        return unavailable(ProblemType.STORAGE_UNAVAILABLE, 30,
                "Storage is unavailable right now; nothing was changed. Please try again shortly.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(ProblemType type, int retryAfterSeconds, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, detail));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolation(DataIntegrityViolationException e) {
        log.warn("refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                "The request conflicts with data already stored or breaks one of its rules.");
    }

    @ExceptionHandler(SlotUnavailableException.class)
    ProblemDetail slotUnavailable(SlotUnavailableException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.SLOT_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(BookingRefusedException.class)
    ProblemDetail bookingRefused(BookingRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.BOOKING_RULES, e.getMessage());
        e.field().ifPresent(field -> problem.setProperty("errors",
                List.of(new FieldError(field, e.reason().orElseThrow()))));
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage());
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.type(), e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Nothing is here: " + e.getMessage() + ".");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(TenantRequiredException.class)
    ProblemDetail tenantRequired(TenantRequiredException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.TENANT_REQUIRED, e.getMessage());
    }

    @ExceptionHandler(LastOwnerException.class)
    ProblemDetail lastOwner(LastOwnerException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.LAST_OWNER, e.getMessage());
    }

    @ExceptionHandler(MemberExistsException.class)
    ProblemDetail memberExists(MemberExistsException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.MEMBER_EXISTS, e.getMessage());
    }

    @ExceptionHandler(Membership.StepNotAllowedException.class)
    ProblemDetail membershipStep(Membership.StepNotAllowedException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.MEMBERSHIP_STEP, e.getMessage());
    }

    @ExceptionHandler(InvitationNotFoundException.class)
    ProblemDetail invitationNotFound(InvitationNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Nothing is here: invitation.");
    }

    @ExceptionHandler(InvitationAnsweredException.class)
    ProblemDetail invitationAnswered(InvitationAnsweredException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.INVITATION_ANSWERED, e.getMessage());
    }

    @ExceptionHandler(InvitationExpiredException.class)
    ProblemDetail invitationExpired(InvitationExpiredException e) {
        return problem(HttpStatus.GONE, ProblemType.INVITATION_EXPIRED, e.getMessage());
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ProblemDetail invalidCredentials(InvalidCredentialsException e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidAmountException.class)
    ProblemDetail invalidAmount(InvalidAmountException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, e.getMessage());
    }

    @ExceptionHandler(PaymentMethodUnavailableException.class)
    ProblemDetail paymentMethodUnavailable(PaymentMethodUnavailableException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.PAYMENT_METHOD_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(CredentialKeyMissingException.class)
    ResponseEntity<ProblemDetail> credentialKeyMissing(CredentialKeyMissingException e) {
        return unavailable(ProblemType.PAYMENTS_UNCONFIGURED, 3600, e.getMessage());
    }

    @ExceptionHandler(GatewayUnavailableException.class)
    ResponseEntity<ProblemDetail> gatewayUnavailable(GatewayUnavailableException e) {
        log.warn("payment provider unavailable: {}", e.getMessage());
        return unavailable(ProblemType.PAYMENT_PROVIDER_UNAVAILABLE, 30,
                "The payment provider did not answer; nothing was charged twice. Try again shortly.");
    }

    @ExceptionHandler(NoticeRejectedException.class)
    ProblemDetail noticeRejected(NoticeRejectedException e) {
        log.info("payment notice refused: {}", e.getMessage());
        return problem(HttpStatus.BAD_REQUEST, ProblemType.NOTICE_REJECTED, "The notice was refused: "
                + e.getMessage() + ".");
    }

    @ExceptionHandler(OrderNotKnownYetException.class)
    ProblemDetail orderNotKnownYet(OrderNotKnownYetException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.ORDER_NOT_KNOWN_YET, "The notice names an order not known "
                + "yet; deliver it again later.");
    }

    @ExceptionHandler(MerchantKeyTakenException.class)
    ProblemDetail merchantKeyTaken(MerchantKeyTakenException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RefundTooLargeException.class)
    ProblemDetail refundTooLarge(RefundTooLargeException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.REFUND_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(UnknownTenantException.class)
    ProblemDetail unknownTenant(UnknownTenantException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Nothing is here.");
    }

    @ExceptionHandler(TenantUnavailableException.class)
    ResponseEntity<ProblemDetail> tenantUnavailable(TenantUnavailableException e) {
        return unavailable(ProblemType.TENANT_UNAVAILABLE, 60, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.SERVER_ERROR,
                "Something went wrong on our side. It has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonBodyLimit.BodyTooLargeException tooLarge) {
                byte[] body = JsonBodyLimit.problem(tooLarge.cap);
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).contentLength(body.length).body(body);
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem.setProperty("errors", List.of(new FieldError(field, "has the wrong type or shape")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(typeFor(ex).uri());
        }
        return response;
    }

    private static ProblemType typeFor(Exception ex) {
        return switch (ex) {
            case NoResourceFoundException ignored -> ProblemType.NOT_FOUND;
            case HttpRequestMethodNotSupportedException ignored -> ProblemType.METHOD_NOT_ALLOWED;
            case HttpMediaTypeNotSupportedException ignored -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.MALFORMED_REQUEST;
        };
    }
}
