package com.cloudpartner.console.upstream;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Runs a call to another service and sorts out how it failed: a 4xx becomes an
 * {@link UpstreamRefusedException} with the problem's code, anything else (5xx, timeout,
 * no connection, an empty answer) an {@link UpstreamUnavailableException}.
 */
@Component
public class UpstreamCalls {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private final JsonMapper json;

	UpstreamCalls(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param what a few words on the call for logs, for example "entitlement-service did
	 * not list the servers"
	 */
	public <T> T call(String what, Supplier<T> call) {
		T answer;
		try {
			answer = call.get();
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().is4xxClientError()) {
				throw new UpstreamRefusedException(what, ex.getStatusCode().value(), code(ex));
			}
			throw new UpstreamUnavailableException(what + " (" + ex.getStatusCode().value() + ")", ex);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException(what, ex);
		}
		if (answer == null) {
			throw new UpstreamUnavailableException(what + ": empty answer");
		}
		return answer;
	}

	private String code(RestClientResponseException ex) {
		try {
			JsonNode code = this.json.readTree(ex.getResponseBodyAsString()).get("code");
			if (code != null && code.isString() && CODE.matcher(code.asString()).matches()) {
				return code.asString();
			}
		}
		catch (RuntimeException notJson) {
			// a proxy's HTML page, say
		}
		return "UNKNOWN";
	}

}
