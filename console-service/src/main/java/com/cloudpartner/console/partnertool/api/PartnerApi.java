package com.cloudpartner.console.partnertool.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.partner.PartnerSuspendedException;
import com.cloudpartner.console.partnertool.PartnerToolProperties;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The partner tool's one way to the platform's services (partner-, entitlement- and
 * billing-service): builds the URI (every path variable and query value strictly encoded,
 * and ids checked so that none can walk to another path), sends the member's token, and
 * turns answers into what pages handle: the body, {@link ApiRefusal} (4xx),
 * {@link SessionRejected} (401 to a token), {@link PartnerSuspendedException} or
 * {@link UpstreamUnavailableException}. Calls for a signed-in member go through
 * {@link #forSession}, which fixes the account to the session's.
 */
@Component
public class PartnerApi {

	/** Ids the API hands out (UUIDs, client ids): never a slash, never just dots. */
	private static final Pattern SAFE_ID = Pattern.compile("(?!\\.+$)[A-Za-z0-9._~-]{1,200}");

	private final RestClient http;

	private final URI base;

	private final ServiceEndpoints endpoints;

	private final JsonMapper json;

	/**
	 * Downloads: the upstream client, with a read timeout as long as an export may take.
	 */
	private final RestClient downloads;

	@Autowired
	PartnerApi(RestClient upstream, ServiceEndpoints endpoints, JsonMapper json, ConsoleProperties console,
			PartnerToolProperties tool) {
		this.http = upstream;
		this.base = endpoints.partner();
		this.endpoints = endpoints;
		this.json = json;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(console.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(tool.exportTimeout());
		this.downloads = upstream.mutate().requestFactory(requests).build();
	}

	PartnerApi(RestClient upstream, ServiceEndpoints endpoints, JsonMapper json) {
		this.http = upstream;
		this.base = endpoints.partner();
		this.endpoints = endpoints;
		this.json = json;
		this.downloads = upstream;
	}

	/**
	 * Calls on the session's own account at partner-service, with the session's token.
	 */
	public AccountApi forSession(PartnerSession session) {
		return new AccountApi(this, session, this.base);
	}

	/**
	 * Calls on the session's own account at billing-service (charges, invoices, export).
	 */
	public AccountApi billing(PartnerSession session) {
		return new AccountApi(this, session, this.endpoints.billing());
	}

	/**
	 * Calls on the session's own account at entitlement-service (offers, jobs,
	 * resources).
	 */
	public AccountApi entitlement(PartnerSession session) {
		return new AccountApi(this, session, this.endpoints.entitlement());
	}

	/** A call without a token (the member login). */
	public <T> T postAnonymously(String path, Object body, Class<T> type) {
		return exchange(new Call(HttpMethod.POST, uri(path, Map.of()), null, body, null), type, null);
	}

	/** A read with a token that no session holds yet (during sign-in). */
	public <T> T get(String bearer, Class<T> type, String path, Object... variables) {
		return exchange(new Call(HttpMethod.GET, uri(path, Map.of(), variables), bearer, null, null), type, null);
	}

	URI uri(String path, Map<String, ?> query, Object... variables) {
		return uri(this.base, path, query, variables);
	}

	URI uri(URI service, String path, Map<String, ?> query, Object... variables) {
		List<Object> values = new ArrayList<>();
		for (Object variable : variables) {
			if (variable == null || !SAFE_ID.matcher(variable.toString()).matches()) {
				throw new ApiRefusal(404, "NOT_FOUND", "not an id", List.of());
			}
			values.add(variable);
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(service).path(path);
		query.forEach((name, value) -> {
			if (value != null && !value.toString().isEmpty()) {
				builder.queryParam(name, "{q" + values.size() + "}");
				values.add(value);
			}
		});
		return builder.encode().buildAndExpand(values.toArray()).toUri();
	}

	<T> T exchange(Call call, Class<T> type, String accountId) {
		try {
			RestClient.RequestBodySpec request = this.http.method(call.method())
				.uri(call.uri())
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> {
					if (call.bearer() != null) {
						headers.setBearerAuth(call.bearer());
					}
					if (call.idempotencyKey() != null) {
						headers.set("Idempotency-Key", call.idempotencyKey());
					}
				});
			if (call.body() != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(call.body());
			}
			if (type == Void.class) {
				request.retrieve().toBodilessEntity();
				return null;
			}
			T body = request.retrieve().body(type);
			if (body == null) {
				throw new UpstreamUnavailableException("partner-service answered " + call.uri().getPath() + " empty");
			}
			return body;
		}
		catch (RestClientResponseException ex) {
			throw translate(ex, call, accountId);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException("partner-service did not answer " + call.uri().getPath(), ex);
		}
	}

	/**
	 * A GET whose body is copied as it arrives (a file download): the reader only runs on
	 * a 2xx, so that a refusal is still answered with a page.
	 */
	<T> T download(Call call, String accountId, BodyReader<T> reader) {
		try {
			return this.downloads.get()
				.uri(call.uri())
				.headers((headers) -> headers.setBearerAuth(call.bearer()))
				.exchange((request, response) -> {
					if (response.getStatusCode().isError()) {
						RestClientResponseException refusal = new RestClientResponseException(
								"answered " + response.getStatusCode().value(), response.getStatusCode(),
								response.getStatusText(), response.getHeaders(), response.getBody().readAllBytes(),
								StandardCharsets.UTF_8);
						throw translate(refusal, call, accountId);
					}
					return reader.read(response.getHeaders().getContentType(), response.getBody());
				});
		}
		catch (RestClientResponseException ex) {
			throw translate(ex, call, accountId);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException("no download from " + call.uri().getPath(), ex);
		}
	}

	/** Reads a download's body while the upstream answer is open. */
	@FunctionalInterface
	public interface BodyReader<T> {

		T read(MediaType contentType, InputStream body) throws IOException;

	}

	private RuntimeException translate(RestClientResponseException ex, Call call, String accountId) {
		int status = ex.getStatusCode().value();
		if (status == 401 && call.bearer() != null) {
			return new SessionRejected();
		}
		if (PartnerSuspendedException.isSuspension(ex)) {
			return new PartnerSuspendedException(accountId);
		}
		if (status >= 400 && status < 500) {
			Problem problem = problem(ex.getResponseBodyAsString());
			return new ApiRefusal(status, problem.code(), problem.detail(), problem.errors());
		}
		return new UpstreamUnavailableException(
				"partner-service answered " + status + " to " + call.method() + " " + call.uri().getPath(), ex);
	}

	private Problem problem(String body) {
		try {
			Problem problem = this.json.readValue(body, Problem.class);
			return (problem != null) ? problem : new Problem(null, null, null);
		}
		catch (RuntimeException ex) {
			return new Problem(null, null, null);
		}
	}

	record Call(HttpMethod method, URI uri, String bearer, Object body, String idempotencyKey) {

		@Override
		public String toString() {
			return "Call[" + this.method + " " + this.uri.getPath() + "]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String code, String detail, List<ApiRefusal.FieldError> errors) {

	}

}
