package com.cloudpartner.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.cloudpartner.gateway.config.GatewayProperties;
import com.cloudpartner.support.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Ceilings on what one request may ask: a body above the path's limit is
 * {@code 413 PAYLOAD_TOO_LARGE} (declared by {@code Content-Length}, or counted while it
 * streams), a {@code pageSize} above the ceiling or not a number is
 * {@code 400 VALIDATION_FAILED} on the field {@code pageSize}. (Header size is Netty's:
 * {@code server.max-http-request-header-size}, answered 431 REQUEST_HEADERS_TOO_LARGE by
 * {@code DecodingFailureProblems}.)
 */
@Component
class RequestLimitsGlobalFilter implements GlobalFilter, Ordered {

	static final int ORDER = RateLimitGlobalFilter.ORDER + 100;

	private final GatewayProperties.Requests requests;

	RequestLimitsGlobalFilter(GatewayProperties properties) {
		this.requests = properties.requests();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		checkPageSize(request.getQueryParams().get("pageSize"));
		long max = this.requests.maxBodyBytes(request.getPath().value());
		long declared = request.getHeaders().getContentLength();
		if (declared > max) {
			return Mono.error(tooLarge(max));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		// no length declared (chunked): count while streaming to the service
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > max) {
						org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
						sink.error(tooLarge(max));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private void checkPageSize(List<String> values) {
		if (values == null) {
			return;
		}
		for (String value : values) {
			int size;
			try {
				size = Integer.parseInt(value.trim());
			}
			catch (NumberFormatException ex) {
				throw ApiProblem.invalidField("pageSize", "must be a whole number");
			}
			if (size > this.requests.maxPageSize()) {
				throw ApiProblem.invalidField("pageSize", "must be at most " + this.requests.maxPageSize());
			}
		}
	}

	private static ApiProblem tooLarge(long max) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				"The request body exceeds " + max + " bytes.");
	}

}
