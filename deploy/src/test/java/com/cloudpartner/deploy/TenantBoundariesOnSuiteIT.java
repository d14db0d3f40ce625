package com.cloudpartner.deploy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant boundary checked from outside, against the running suite (decision 0057):
 * two partners onboarded the way partners are, each with a customer, an IaaS entitlement
 * and (A) a server. Partner B's token finds none of A's customers or servers on any
 * customer path, B's usage naming A's customer, entitlement or server is refused per
 * event, and once the operator suspends A, A's token is refused with
 * {@code 403 PARTNER_SUSPENDED} by the gateway and by entitlement-service and
 * billing-service called directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantBoundariesOnSuiteIT {

	private static final String PASSWORD = "Pw!12345x";

	private static final String SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	private static LocalSuite suite;

	private static GatewayClient client;

	private static Partner a;

	private static Partner b;

	private static String serverOfA;

	@BeforeAll
	static void twoPartnersWithACustomerEachAndAServerOfA() throws Exception {
		suite = SharedSuite.get();
		client = new GatewayClient(suite.settings().gatewayUrl());
		int n = 100000 + new Random().nextInt(900000);
		a = Partner.onboard("tba" + n);
		b = Partner.onboard("tbb" + n);
		HttpResponse<String> server = client.eventually("partner A's server is accepted",
				() -> client.send(client.post(a.customerPath() + "/servers", a.token(),
						"{\"entitlement\":\"" + a.entitlementId() + "\",\"sku\":\"" + SKU
								+ "\",\"image\":\"ubuntu-24.04\",\"displayName\":\"a-web\"}")),
				(r) -> r.statusCode() == 202);
		String name = GatewayClient.JSON.readTree(server.body()).at("/server/name").asString();
		assertThat(name).as(server.body()).startsWith(a.customerName() + "/servers/");
		serverOfA = name.substring(name.lastIndexOf('/') + 1);
	}

	@Test
	@Order(1)
	void partnerBsTokenFindsNoneOfPartnerAsCustomersOrServers() throws Exception {
		String theirs = "/v1/accounts/" + b.accountId() + "/customers/" + a.customerId();
		Map<String, HttpRequest> refused = new LinkedHashMap<>();
		refused.put("PUT repricing-config",
				client.get(theirs + "/repricing-config", b.token())
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"rebillingBasis\":\"DIRECT_CUSTOMER_COST\","
							+ "\"adjustmentPercent\":\"10\",\"effectiveMonth\":\"2030-01\"}"))
					.build());
		for (String path : List.of("/entitlements", "/entitlements/" + a.entitlementId(), "/servers",
				"/servers/" + serverOfA, "/jobs", "/purchasable-skus", "/billing/current-month",
				"/servers/" + serverOfA + "/firewall-rules")) {
			refused.put("GET " + path, client.get(theirs + path, b.token()).build());
		}
		for (Map.Entry<String, HttpRequest> request : refused.entrySet()) {
			HttpResponse<String> response = client.send(request.getValue());
			assertThat(response.statusCode()).as(request.getKey() + " " + response.body()).isEqualTo(404);
			GatewayClient.assertProblem(response, 404, "CUSTOMER_NOT_FOUND");
		}
		// A's server under B's own customer is not there either
		String mine = "/v1/accounts/" + b.accountId() + "/customers/" + b.customerId();
		GatewayClient.assertProblem(
				client.send(client.get(mine + "/servers/" + serverOfA + "/firewall-rules", b.token()).build()), 404,
				"SERVER_NOT_FOUND");
		GatewayClient.assertProblem(client.send(client.get(mine + "/servers/" + serverOfA, b.token()).build()), 404,
				"SERVER_NOT_FOUND");
		// A's own paths are A's: refused without saying whether anything is there
		GatewayClient.assertProblem(client.send(client.get(a.customerPath() + "/servers", b.token()).build()), 403,
				"ACCOUNT_FORBIDDEN");
		// and nothing was stored for A's customer under B
		HttpResponse<String> config = client
			.send(client.get(a.customerPath() + "/repricing-config", a.token()).build());
		assertThat(config.body()).doesNotContain("2030-01");
	}

	@Test
	@Order(2)
	void partnerBsUsageNamingPartnerAsCustomerEntitlementOrServerIsRefusedPerEvent() throws Exception {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
		String serverPathOfA = a.customerName() + "/servers/" + serverOfA;
		List<String> ids = new ArrayList<>();
		// B's own usage is accepted once billing has heard of B's approval; the others
		// never are
		HttpResponse<String> answered = client.eventually("partner B's own usage is accepted", () -> {
			ids.clear();
			List<String> batch = new ArrayList<>();
			batch.add(usage(ids, b.accountId(), a.customerId(), a.entitlementId(),
					"accounts/" + b.accountId() + "/customers/" + a.customerId() + "/servers/" + serverOfA, hour));
			batch.add(usage(ids, b.accountId(), b.customerId(), a.entitlementId(), b.customerName() + "/servers/b-1",
					hour));
			batch.add(usage(ids, b.accountId(), b.customerId(), b.entitlementId(), serverPathOfA, hour));
			batch.add(usage(ids, a.accountId(), a.customerId(), a.entitlementId(), serverPathOfA, hour));
			batch.add(usage(ids, b.accountId(), b.customerId(), b.entitlementId(), b.customerName() + "/servers/b-1",
					hour));
			return client.send(client.post("/v1/usage-events", b.token(), "[" + String.join(",", batch) + "]"));
		}, (r) -> r.statusCode() == 202 && GatewayClient.JSON.readTree(r.body()).path("accepted").asInt() == 1);

		JsonNode body = GatewayClient.JSON.readTree(answered.body());
		Map<String, String> reasons = new LinkedHashMap<>();
		body.path("rejected").forEach((r) -> reasons.put(r.path("id").asString(), code(r.path("reason").asString())));
		assertThat(reasons).as(answered.body()).hasSize(4);
		assertThat(reasons.get(ids.get(0))).as("A's customer").isIn("CUSTOMER_NOT_FOUND", "ENTITLEMENT_NOT_FOUND");
		assertThat(reasons.get(ids.get(1))).as("A's entitlement").isEqualTo("ENTITLEMENT_NOT_FOUND");
		assertThat(reasons.get(ids.get(2))).as("A's server").isEqualTo("SUBJECT_NOT_OF_CUSTOMER");
		assertThat(reasons.get(ids.get(3))).as("A's account").isEqualTo("ACCOUNT_MISMATCH");
		assertThat(reasons).doesNotContainKey(ids.get(4));
	}

	@Test
	@Order(3)
	void aSuspendedPartnersTokenIsRefusedByTheGatewayAndByEveryServiceCalledDirectly() throws Exception {
		String operator = client.token("local-operator", "local-operator-secret");
		HttpResponse<String> suspended = client
			.send(client.post("/v1/accounts/" + a.accountId() + "/suspend", operator, "{}"));
		assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
		try {
			LocalRunSettings settings = suite.settings();
			String entitlements = "http://localhost:" + settings.entitlementPort() + a.customerPath() + "/entitlements";
			String charges = "http://localhost:" + settings.billingPort() + "/v1/accounts/" + a.accountId()
					+ "/billing/current-month";
			for (String direct : List.of(entitlements, charges)) {
				HttpResponse<String> refused = client.eventually(direct + " refuses A's token",
						() -> client.send(HttpRequest.newBuilder(URI.create(direct))
							.header("Authorization", "Bearer " + a.token())
							.build()),
						(r) -> r.statusCode() == 403);
				GatewayClient.assertProblem(refused, 403, "PARTNER_SUSPENDED");
			}
			HttpResponse<String> usage = client.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + settings.billingPort() + "/v1/usage-events"))
				.header("Authorization", "Bearer " + a.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("[" + usage(new ArrayList<>(), a.accountId(), a.customerId(),
						a.entitlementId(), a.customerName() + "/servers/" + serverOfA,
						Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1))) + "]"))
				.build());
			GatewayClient.assertProblem(usage, 403, "PARTNER_SUSPENDED");
			for (String path : List.of("/v1/accounts/" + a.accountId() + "/customers", a.customerPath() + "/servers",
					"/v1/accounts/" + a.accountId() + "/billing/current-month")) {
				HttpResponse<String> refused = client.eventually("the gateway refuses A's token on " + path,
						() -> client.send(client.get(path, a.token()).build()), (r) -> r.statusCode() == 403);
				GatewayClient.assertProblem(refused, 403, "PARTNER_SUSPENDED");
			}
		}
		finally {
			client.send(client.post("/v1/accounts/" + a.accountId() + "/reinstate", operator, "{}"));
		}
	}

	/** One hour of a resource, with a fresh id added to {@code ids}. */
	private static String usage(List<String> ids, String accountId, String customerId, String entitlementId,
			String subject, Instant hour) {
		String id = "tb-" + UUID.randomUUID();
		ids.add(id);
		return """
				{"specversion":"1.0","id":"%s","source":"//metering.e2e/tenants","type":"usage.recorded",
				 "subject":"%s","datacontenttype":"application/json",
				 "data":{"accountId":"%s","customerId":"%s","entitlementId":"%s","sku":"%s","meter":"vm-hours",
				 "unit":"HOUR","quantity":"1","windowStart":"%s","windowEnd":"%s"}}""".formatted(id, subject, accountId,
				customerId, entitlementId, SKU, hour, hour.plus(Duration.ofHours(1)));
	}

	private static String code(String reason) {
		int colon = reason.indexOf(':');
		return (colon > 0) ? reason.substring(0, colon) : reason;
	}

	/**
	 * A partner as onboarding makes it, with an API client's token (partner and usage
	 * scopes), a customer and an IaaS entitlement of it.
	 */
	private record Partner(String accountId, String token, String customerId, String entitlementId) {

		static Partner onboard(String loginId) throws Exception {
			String accountId = Onboarding.approvedPartner(client, loginId, PASSWORD);
			String operator = client.token("local-operator", "local-operator-secret");
			HttpResponse<String> credential = client.send(client.post("/v1/accounts/" + accountId + "/credentials",
					operator, "{\"description\":\"e2e\",\"scopes\":[\"partner\",\"partner.read\",\"usage.write\"]}"));
			assertThat(credential.statusCode()).as(credential.body()).isEqualTo(201);
			JsonNode created = GatewayClient.JSON.readTree(credential.body());
			String token = client.token(created.path("clientId").asString(), created.path("clientSecret").asString(),
					"partner partner.read usage.write");
			HttpResponse<String> customer = client.send(client.post("/v1/accounts/" + accountId + "/customers", token,
					"{\"userId\":\"" + loginId + "_u\",\"displayName\":\"Customer of " + loginId + "\"}"));
			assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
			String customerId = GatewayClient.JSON.readTree(customer.body()).path("id").asString();
			return new Partner(accountId, token, customerId,
					Onboarding.iaasEntitlement(client, token, accountId, customerId));
		}

		String customerName() {
			return "accounts/" + this.accountId + "/customers/" + this.customerId;
		}

		String customerPath() {
			return "/v1/" + customerName();
		}

	}

}
