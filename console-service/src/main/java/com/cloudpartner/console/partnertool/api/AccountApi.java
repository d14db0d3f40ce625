package com.cloudpartner.console.partnertool.api;

import java.net.URI;
import java.util.Map;

import com.cloudpartner.console.partnertool.session.PartnerSession;

import org.springframework.http.HttpMethod;

/**
 * Calls to one service on one session's account: every path is relative to
 * {@code /v1/accounts/{the session's account}}, and the session's token goes along. There
 * is no way to name another account here; that is the point.
 */
public final class AccountApi {

	private final PartnerApi api;

	private final PartnerSession session;

	private final URI service;

	AccountApi(PartnerApi api, PartnerSession session, URI service) {
		this.api = api;
		this.session = session;
		this.service = service;
	}

	/**
	 * A read outside the account's paths that the service answers for the token's account
	 * alone (the offers available to the partner, {@code /v1/offers}).
	 */
	public <T> T getForAccount(Class<T> type, Map<String, ?> query, String path) {
		PartnerApi.Call call = new PartnerApi.Call(HttpMethod.GET, this.api.uri(this.service, path, query),
				this.session.bearerToken(), null, null);
		return this.api.exchange(call, type, this.session.accountId());
	}

	/** A GET under the account whose body is read as it streams in (a file). */
	public <T> T download(Map<String, ?> query, String path, PartnerApi.BodyReader<T> reader) {
		PartnerApi.Call call = new PartnerApi.Call(HttpMethod.GET,
				this.api.uri(this.service, "/v1/accounts/{accountId}" + path, query, this.session.accountId()),
				this.session.bearerToken(), null, null);
		return this.api.download(call, this.session.accountId(), reader);
	}

	public <T> T get(Class<T> type, String path, Object... variables) {
		return get(type, Map.of(), path, variables);
	}

	public <T> T get(Class<T> type, Map<String, ?> query, String path, Object... variables) {
		return call(HttpMethod.GET, type, path, query, null, null, variables);
	}

	public <T> T post(Class<T> type, String path, Object body, Object... variables) {
		return call(HttpMethod.POST, type, path, Map.of(), body, null, variables);
	}

	/** A creating POST that partner-service answers once per key (a double click). */
	public <T> T create(Class<T> type, String idempotencyKey, String path, Object body, Object... variables) {
		return call(HttpMethod.POST, type, path, Map.of(), body, idempotencyKey, variables);
	}

	public <T> T patch(Class<T> type, String path, Object body, Object... variables) {
		return call(HttpMethod.PATCH, type, path, Map.of(), body, null, variables);
	}

	public void delete(String path, Object... variables) {
		call(HttpMethod.DELETE, Void.class, path, Map.of(), null, null, variables);
	}

	private <T> T call(HttpMethod method, Class<T> type, String path, Map<String, ?> query, Object body,
			String idempotencyKey, Object... variables) {
		Object[] all = new Object[variables.length + 1];
		all[0] = this.session.accountId();
		System.arraycopy(variables, 0, all, 1, variables.length);
		PartnerApi.Call call = new PartnerApi.Call(method,
				this.api.uri(this.service, "/v1/accounts/{accountId}" + path, query, all), this.session.bearerToken(),
				body, idempotencyKey);
		return this.api.exchange(call, type, this.session.accountId());
	}

}
