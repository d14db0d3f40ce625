package com.cloudpartner.support.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every response an {@code X-Request-Id} (the caller's when it is sane, else a new
 * one) and keeps it, with the W3C {@code traceparent}, in the MDC for logs and for the
 * outbox, which copies the trace into Kafka record headers.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String TRACEPARENT = "traceparent";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(HEADER);
		if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		response.setHeader(HEADER, requestId);
		MDC.put("requestId", requestId);
		String traceparent = request.getHeader(TRACEPARENT);
		if (traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
			MDC.put(TRACEPARENT, traceparent);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
			MDC.remove(TRACEPARENT);
		}
	}

}
