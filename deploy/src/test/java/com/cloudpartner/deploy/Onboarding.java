package com.cloudpartner.deploy;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners as onboarding makes them, for the end-to-end tests: sign-up, the e-mail
 * verified (by the operator, as support does), the application and its approval.
 */
final class Onboarding {

	private Onboarding() {
	}

	/**
	 * A member of a newly approved partner with a 15 % supply discount in KRW.
	 * @return the partner's account id
	 */
	static String approvedPartner(GatewayClient client, String loginId, String password) throws Exception {
		String operator = client.token("local-operator", "local-operator-secret");
		HttpResponse<String> member = client.send(client.post("/v1/members", null, """
				{"loginId":"%s","password":"%s","name":"Partner Lee","email":"%s@shop.example.com",
				 "mobilePhone":"010-1234-5678","company":{"name":"Shop %s","businessRegistrationNumber":"1208147521",
				 "corporateRegistrationNumber":"1101111234567"},"agreements":{"terms":true,"privacy":true}}"""
			.formatted(loginId, password, loginId, loginId)));
		assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
		String memberId = GatewayClient.JSON.readTree(member.body()).path("id").asString();
		HttpResponse<String> verified = client.send(client.post("/v1/members/" + memberId + "/verify", operator, "{}"));
		assertThat(verified.statusCode()).as(verified.body()).isIn(200, 204);
		HttpResponse<String> login = client.send(client.post("/v1/members/login", null,
				"{\"loginId\":\"" + loginId + "\",\"password\":\"" + password + "\"}"));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		String memberToken = GatewayClient.JSON.readTree(login.body()).path("access_token").asString();
		HttpResponse<String> application = client.send(client.post("/v1/partner-applications", memberToken,
				"{\"businessRegistrationNumber\":\"1208147521\",\"contactName\":\"Partner Lee\","
						+ "\"contactEmail\":\"" + loginId + "@shop.example.com\",\"contactPhone\":\"010-1234-5678\"}"));
		assertThat(application.statusCode()).as(application.body()).isEqualTo(201);
		String applicationId = GatewayClient.JSON.readTree(application.body()).path("id").asString();
		HttpResponse<String> approved = client
			.send(client.post("/v1/partner-applications/" + applicationId + "/approve", operator,
					"{\"contract\":{\"reference\":\"E2E-" + loginId + "\",\"supplyDiscountPercent\":\"15\","
							+ "\"currencyCode\":\"KRW\"}}"));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		JsonNode decision = GatewayClient.JSON.readTree(approved.body());
		return decision.path("accountId").asString();
	}

	/**
	 * An IaaS entitlement of the customer (the demo catalog's pay-as-you-go offer, which
	 * prices servers at their SKU's prices) in the account's first billing account,
	 * bought with the token (the partner's or an operator's).
	 * @return the entitlement's id
	 */
	static String iaasEntitlement(GatewayClient client, String token, String accountId, String customerId)
			throws Exception {
		HttpResponse<String> billingAccounts = client.eventually("the partner's billing account exists",
				() -> client.send(client.get("/v1/accounts/" + accountId + "/billing-accounts", token).build()),
				(r) -> r.statusCode() == 200 && r.body().contains("billingAccounts/"));
		String billingAccount = GatewayClient.JSON.readTree(billingAccounts.body())
			.at("/billingAccounts/0/name")
			.asString();
		String path = "/v1/accounts/" + accountId + "/customers/" + customerId + "/entitlements";
		HttpResponse<String> operation = client.eventually("the IaaS entitlement is accepted",
				() -> client.send(client.post(path, token,
						"{\"offer\":\"offers/iaas-payg\",\"billingAccount\":\"" + billingAccount + "\"}")),
				(r) -> r.statusCode() == 202);
		String name = GatewayClient.JSON.readTree(operation.body()).at("/response/name").asString();
		assertThat(name).startsWith("accounts/" + accountId + "/customers/" + customerId + "/entitlements/");
		return name.substring(name.lastIndexOf('/') + 1);
	}

}
