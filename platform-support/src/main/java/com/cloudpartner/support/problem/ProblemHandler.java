package com.cloudpartner.support.problem;

import java.util.List;

import com.cloudpartner.support.input.InvalidTextException;
import com.cloudpartner.support.input.Text;
import com.cloudpartner.support.input.TextRefusedByDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of an MVC service as problem+json with a stable {@code code}.
 * Nothing of the exception (class, stack, SQL) reaches the client; unexpected ones are
 * logged with the request id and answered with a generic 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		return respond(problem.status(),
				Problems.of(problem.status(), problem.code(), problem.getMessage(), problem.errors()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
						List.of(new ApiProblem.FieldError(ex.getName(), "has an invalid value"))));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (TextRefusedByDatabase.causes(ex)) {
			// a last line behind the request checks: text PostgreSQL cannot store
			log.warn("Text refused by the database: {}", TextRefusedByDatabase.message(ex));
			return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
					"The request has invalid fields.", List.of(new ApiProblem.FieldError("body", Text.MESSAGE))));
		}
		if (TransientFailures.causes(ex)) {
			// the database is away (stopped, restarting, out of connections): say so
			// quickly, the client retries; nothing of the request was stored
			log.warn("Answered 503, the database is unavailable: {}", ex.toString());
			return respond(HttpStatus.SERVICE_UNAVAILABLE,
					Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", TransientFailures.DETAIL));
		}
		log.error("Unexpected failure", ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"An unexpected error occurred. Quote the X-Request-Id when reporting it."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblem.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> new ApiProblem.FieldError(e.getField(),
					(e.getDefaultMessage() != null) ? e.getDefaultMessage() : "is invalid"))
			.toList();
		return withBody(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblem.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((e) -> new ApiProblem.FieldError(result.getMethodParameter().getParameterName(),
						(e.getDefaultMessage() != null) ? e.getDefaultMessage() : "is invalid")))
			.toList();
		return withBody(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidTextException invalid) {
				return withBody(HttpStatus.BAD_REQUEST,
						Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
								List.of(new ApiProblem.FieldError(invalid.field(), Text.MESSAGE))));
			}
		}
		return withBody(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
				"The request body is missing or is not valid JSON of the expected shape."));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
				: ProblemDetail.forStatusAndDetail(statusCode, "The request could not be handled.");
		if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
			String code = codeFor(statusCode);
			problem.setType(Problems.typeOf(code));
			problem.setProperty("code", code);
		}
		HttpHeaders out = new HttpHeaders();
		if (headers != null) {
			out.putAll(headers);
		}
		out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, out, statusCode);
	}

	private static String codeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "BAD_REQUEST";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			default -> (status.is4xxClientError()) ? "CLIENT_ERROR" : "INTERNAL_ERROR";
		};
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, ProblemDetail problem) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status.value() == 503) {
			// every 503 is "not now": say when to come back
			response.header(HttpHeaders.RETRY_AFTER, "5");
		}
		return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<Object> withBody(HttpStatusCode status, ProblemDetail problem) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
