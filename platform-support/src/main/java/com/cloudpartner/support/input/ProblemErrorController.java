package com.cloudpartner.support.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import com.cloudpartner.support.problem.Problems;
import com.cloudpartner.support.problem.TransientFailures;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The {@code /error} page of the container (an exception that escaped a filter, a
 * {@code sendError} of a filter or of Tomcat): a client of the API gets problem+json with
 * a stable {@code code} instead of Boot's own JSON; a browser still gets the HTML error
 * view (the console's bilingual {@code error.html}).
 */
public class ProblemErrorController extends BasicErrorController {

	public ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, new ErrorProperties(), errorViewResolvers);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		String code = ProblemErrorReportValve.codeFor(status.value());
		String detail = status.is5xxServerError()
				? "An unexpected error occurred. Quote the X-Request-Id when reporting it."
				: "The request could not be handled.";
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& TransientFailures.causes(failure)) {
			// a filter met the database away (a suspension check, an idempotency
			// record): the same 503 as the controllers' (decision 0071)
			status = HttpStatus.SERVICE_UNAVAILABLE;
			code = "SERVICE_UNAVAILABLE";
			detail = TransientFailures.DETAIL;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Problems.typeOf(code).toString());
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("code", code);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, "5");
		}
		return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
