package com.cloudpartner.console.partnertool.customers;

import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/** The partner's customers (end users) at partner-service, for one session's account. */
@Component
class Customers {

	private final PartnerApi api;

	Customers(PartnerApi api) {
		this.api = api;
	}

	Page list(PartnerSession session, int pageSize, String pageToken) {
		return this.api.forSession(session)
			.get(Page.class, Map.of("pageSize", pageSize, "pageToken", (pageToken != null) ? pageToken : ""),
					"/customers");
	}

	Customer get(PartnerSession session, String customerId) {
		return this.api.forSession(session).get(Customer.class, "/customers/{customerId}", customerId);
	}

	Customer create(PartnerSession session, CustomerForm form) {
		return this.api.forSession(session)
			.create(Customer.class, form.keyOrNew(), "/customers", new NewCustomer(form.getUserId(),
					form.getDisplayName(), blankToNull(form.getEmail()), blankToNull(form.getCorrelationId())));
	}

	/** Empty e-mail or correlation id clears it. */
	Customer update(PartnerSession session, String customerId, CustomerForm form) {
		return this.api.forSession(session)
			.patch(Customer.class, "/customers/{customerId}",
					new CustomerChanges(form.getDisplayName(), form.getEmail(), form.getCorrelationId()), customerId);
	}

	void delete(PartnerSession session, String customerId) {
		this.api.forSession(session).delete("/customers/{customerId}", customerId);
	}

	ConsoleToken mintConsoleToken(PartnerSession session, String customerId) {
		return this.api.forSession(session)
			.post(ConsoleToken.class, "/customers/{customerId}/console-tokens", Map.of(), customerId);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Customer> customers, String nextPageToken) {

		Page {
			customers = (customers != null) ? customers : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Customer(String name, String id, String userId, String displayName, String email, String correlationId,
			String createTime, String updateTime) {

	}

	record NewCustomer(String userId, String displayName, String email, String correlationId) {

	}

	record CustomerChanges(String displayName, String email, String correlationId) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ConsoleToken(String token, Long expiresIn, String consoleUrl) {

		@Override
		public String toString() {
			return "ConsoleToken[expiresIn=" + this.expiresIn + "]";
		}

	}

}
