package com.cloudpartner.console.upstream;

import java.net.http.HttpClient;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.support.web.RequestIdFilter;
import org.slf4j.MDC;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one HTTP client for calls to the other services: bounded connect and read timeouts,
 * and the request id and trace of the page being served passed along.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	@Bean
	RestClient upstream(RestClient.Builder builder, ConsoleProperties properties) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.readTimeout());
		return builder.requestFactory(requests).requestInterceptor((request, body, execution) -> {
			String requestId = MDC.get("requestId");
			if (requestId != null) {
				request.getHeaders().set(RequestIdFilter.HEADER, requestId);
			}
			String traceparent = MDC.get(RequestIdFilter.TRACEPARENT);
			if (traceparent != null) {
				request.getHeaders().set(RequestIdFilter.TRACEPARENT, traceparent);
			}
			return execution.execute(request, body);
		}).build();
	}

}
