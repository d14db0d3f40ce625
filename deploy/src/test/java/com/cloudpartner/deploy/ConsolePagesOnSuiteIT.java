package com.cloudpartner.deploy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.deploy.WebSession.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every page of both consoles on the running suite, without a browser (so it runs where
 * Chromium is missing too): a newly approved partner signs in to the partner tool, works
 * each of its pages, opens a customer's console from it, and the end user creates and
 * works every kind of resource through the console's own forms, each job followed to its
 * end on the job page's progress answer. Nothing here is a fake: the pages call the real
 * services through the gateway, so a page that works only against the console tests' HTTP
 * fakes fails here.
 */
class ConsolePagesOnSuiteIT {

	private static final String PASSWORD = "Pw!12345x";

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final Pattern JOB_PAGE = Pattern.compile("/console/jobs/([^/?#]+)$");

	/** A form field set to the value of the form's first box of that name. */
	private static final String FIRST_CHOICE = "(first)";

	private static GatewayClient client;

	private static String loginId;

	private static String accountId;

	@BeforeAll
	static void aNewlyApprovedPartner() throws Exception {
		client = new GatewayClient(SharedSuite.get().settings().gatewayUrl());
		loginId = "walk" + (100000 + new Random().nextInt(900000));
		accountId = Onboarding.approvedPartner(client, loginId, PASSWORD);
		client.disarmProviderFaults();
	}

	@Test
	void aPartnerWorksEveryPageOfThePartnerToolAndItsCustomerWorksEveryPageOfTheConsole() throws Exception {
		WebSession web = new WebSession(client, "ko-KR,ko;q=0.9");
		Page signIn = web.open("/partner/sign-in");
		Page home = web.submit(signIn, "#sign-in-form", Map.of("loginId", loginId, "password", PASSWORD)).assertShown();
		assertThat(home.text("#login-id")).contains(loginId);
		assertThat(home.html()).doesNotContain("access_token");

		// a customer, with a name that must come back escaped everywhere
		String hostile = "<script>alert(1)</script> 박";
		Page customers = web
			.submit(web.open("/partner/customers/new"), "#customer-form",
					Map.of("userId", "walk01", "displayName", hostile))
			.assertShown();
		assertThat(customers.text("#customers")).contains("walk01").contains(hostile);
		assertThat(customers.html()).doesNotContain("<script>alert(1)");
		String customerId = customerIdOf(customers, "walk01");

		// API credentials, the secret shown once and working at once
		Page created = web.submit(web.open("/partner/credentials"), "#credential-form", Map.of()).assertShown();
		String clientId = created.text("#new-client-id");
		String secret = created.text("#new-client-secret");
		String partnerToken = client.token(clientId, secret);
		assertThat(web.open("/partner/credentials").html()).contains(clientId).doesNotContain(secret);

		// the settings: callback URL, console session lifetime and tax contact
		Page settings = web.open("/partner/settings");
		Page saved = web.submit(settings, "#settings-form", Map.of("callbackUrl", "https://walk.example.com/callbacks"))
			.assertShown();
		assertThat(saved.has("#flash")).as(saved.text()).isTrue();
		assertThat(saved.document().selectFirst("#callbackUrl").attr("value"))
			.isEqualTo("https://walk.example.com/callbacks");
		Page rotated = web.submit(web.open("/partner/webhooks"), "#rotate-form", Map.of()).assertShown();
		assertThat(rotated.text("#new-secret-value")).isNotBlank();

		// the offers the partner may resell, at its supply price (15 % below list)
		Page prices = web.open("/partner/prices");
		// an image at 50 KRW per GB-month at list, 42.5 -> 43 KRW to the partner
		assertThat(prices.text("#prices")).contains("IaaS pay as you go").contains("50 KRW 43 KRW");

		// the customer's IaaS subscription (through the API, as the partner's backend
		// does), then its console opened from the partner tool
		String entitlementId = iaasEntitlement(partnerToken, customerId);
		reportThreeHoursOfAServer(customerId, entitlementId);
		Page entry = web.submit(customers, "form.console-form[action$='/" + customerId + "/console']", Map.of())
			.assertShown();
		Page console = web.submit(entry, "#console-entry", Map.of()).assertShown();
		assertThat(console.path()).isEqualTo("/console/home");
		assertThat(console.text("#user-id")).isEqualTo("walk01");

		String serverId = theEndUsersDay(web);

		// back in the partner tool: the customer's resources and jobs, its charges
		Page resources = web.open("/partner/customers/" + customerId + "/resources");
		assertThat(resources.text()).contains("walk-web-1").contains("walk-disk-1");
		Page jobs = web.open("/partner/jobs");
		assertThat(jobs.text("#jobs")).contains("CREATE_SERVER").contains("성공").contains(hostile + " (walk01)");
		Page everyResource = web.open("/partner/resources?kind=servers");
		assertThat(everyResource.text("#resources-section")).contains("walk-web-1").contains(hostile + " (walk01)");
		// the partner's real-time charges: 135 KRW from the customer, 115 KRW of supply
		// cost (114.75 rounded), per customer and per day
		Page partnerCharges = web.open("/partner/charges");
		assertThat(partnerCharges.text("#charge-lines")).contains(hostile + " (walk01)").contains("vm-hours");
		assertThat(won(partnerCharges.text("#total-cost"))).isGreaterThanOrEqualTo(115);
		assertThat(sum(partnerCharges, "#daily-table td.num:nth-child(2)"))
			.isEqualByComparingTo(String.valueOf(won(partnerCharges.text("#total-cost"))));
		assertThat(sum(partnerCharges, "#daily-table td.num:nth-child(3)"))
			.isEqualByComparingTo(String.valueOf(won(partnerCharges.text("#total-customer-cost"))));
		web.open("/partner/charges?month=" + YearMonth.now(SEOUL).minusMonths(1));
		web.open("/partner/invoices");
		HttpResponse<String> export = web.raw("/partner/invoices/export?month=" + YearMonth.now(SEOUL).minusMonths(1));
		assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");

		// a customer holding resources cannot be deleted: the tool says why, in Korean
		Page refused = web.submit(web.open("/partner/customers/" + customerId + "/delete"), "#delete-form", Map.of());
		assertThat(refused.status()).isBetween(200, 499);
		assertThat(refused.text()).contains("리소스");
		assertThat(web.open("/partner/customers").text("#customers")).contains("walk01");
		assertThat(serverId).isNotBlank();
	}

	/**
	 * The end user's day in their console: a server from the create form, every other
	 * kind of resource from theirs, each job followed to its end, monitoring, firewall
	 * rules, job history, charges, subscriptions and the language switch.
	 * @return the server's id
	 */
	private String theEndUsersDay(WebSession web) throws Exception {
		Page newServer = web.open("/console/servers/new");
		assertThat(newServer.document().select("#sku option")).as(newServer.text()).isNotEmpty();
		Page job = web.submit(newServer, "#create-form",
				Map.of("displayName", "walk-web-1", "sku", "products/server-basic/skus/basic-2vcpu-4gb"));
		// the new server's password, shown once on its job's page
		assertThat(job.text("#new-password")).isNotBlank();
		followJob(web, job, "서버 생성");
		Page servers = web.open("/console/servers");
		Element link = servers.document().selectFirst("#servers a[href*='/console/servers/']");
		assertThat(link).as(servers.text()).isNotNull();
		String serverPath = link.attr("href").replaceFirst("^https?://[^/]+", "");
		String serverId = serverPath.substring(serverPath.lastIndexOf('/') + 1);
		Page server = web.open(serverPath);
		assertThat(server.text("#server-name")).contains("walk-web-1");
		assertThat(server.document().selectFirst("#server-state").className()).contains("state-RUNNING");

		Page monitoring = web.open("/console/servers/" + serverId + "/monitoring");
		assertThat(monitoring.document().select("svg")).as(monitoring.text()).isNotEmpty();

		Page rules = web.open("/console/servers/" + serverId + "/firewall-rules");
		followJob(web, web.submit(rules, "#add-rule-form", Map.of("port", "443")), null);
		assertThat(web.open("/console/servers/" + serverId + "/firewall-rules").text("#rules")).contains("443");

		// a disk attached to the server, its snapshot, an image of the server
		createResource(web, "disks", "walk-disk-1", Map.of("sizeGb", "20"));
		Page disk = openFirst(web, "disks");
		followJob(web, web.submit(disk, "#attach-form", Map.of()), null);
		createResource(web, "snapshots", "walk-snap-1", Map.of());
		createResource(web, "images", "walk-image-1", Map.of());
		// an address assigned to the server, a load balancer in front of it, a bucket
		createResource(web, "public-ips", "walk-ip-1", Map.of());
		Page address = openFirst(web, "public-ips");
		followJob(web, web.submit(address, "#assign-form", Map.of()), null);
		createResource(web, "load-balancers", "walk-lb-1", Map.of("member", FIRST_CHOICE));
		createResource(web, "buckets", "walk-bucket-1", Map.of());
		Page overview = web.open("/console/resources");
		assertThat(overview.has("#resource-kinds")).as(overview.text()).isTrue();

		// the server stopped, a bucket deleted after the confirmation page
		followJob(web, web.submit(web.open(serverPath), "#stop-form", Map.of()), null);
		Page bucket = openFirst(web, "buckets");
		Page confirm = web.open(bucket.document().selectFirst("#delete-link").attr("href"));
		followJob(web, web.submit(confirm, "#delete-form", Map.of()), null);

		Page history = web.open("/console/jobs");
		assertThat(history.text("#jobs")).contains("서버 생성 " + serverId + " 성공").contains("버킷 삭제");
		// this month's charges at the customer's (list) prices, and what each day added
		Page charges = web.open("/console/charges");
		// (at least the three hours: the new server's own hours join once one has ended)
		assertThat(won(charges.text("#charges-total"))).isGreaterThanOrEqualTo(135);
		assertThat(charges.document().select("svg#charges-daily-chart")).isNotEmpty();
		assertThat(sum(charges, "#charges-daily-table .day-amount"))
			.isEqualByComparingTo(String.valueOf(won(charges.text("#charges-total"))));
		assertThat(charges.html()).doesNotContain("\"cost\"").doesNotContain("114.75");
		web.open("/console/charges?month=" + YearMonth.now(SEOUL).minusMonths(1));
		web.open("/console/subscriptions").text("#subscriptions");

		// the switch to English is remembered from page to page
		String toEnglish = web.open("/console/home").document().selectFirst("#language-switch").attr("href");
		web.open(toEnglish);
		Page english = web.open("/console/servers");
		assertThat(english.document().selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(english.text()).contains("walk-web-1");
		return serverId;
	}

	/** Creates a resource from its kind's create form and follows its job. */
	private void createResource(WebSession web, String kind, String name, Map<String, String> fields) throws Exception {
		Page form = web.open("/console/resources/" + kind + "/new");
		Map<String, String> typed = new java.util.HashMap<>(fields);
		typed.put("displayName", name);
		typed.replaceAll((field, value) -> value.equals(FIRST_CHOICE)
				? form.document().selectFirst("#create-form input[name=" + field + "]").attr("value") : value);
		Page job = web.submit(form, "#create-form", typed);
		followJob(web, job, null);
		assertThat(web.open("/console/resources/" + kind).text("#resources")).contains(name);
	}

	/** The newest resource of a kind, opened from its list. */
	private Page openFirst(WebSession web, String kind) throws Exception {
		Page list = web.open("/console/resources/" + kind);
		Element link = list.document().selectFirst("#resources a[href*='/console/resources/" + kind + "/']");
		assertThat(link).as(list.text()).isNotNull();
		return web.open(link.attr("href"));
	}

	/**
	 * The job page a form led to, followed by its progress answer (what the page's script
	 * polls) until the job ends; it must succeed.
	 */
	private void followJob(WebSession web, Page job, String title) throws Exception {
		job.assertShown();
		Matcher matcher = JOB_PAGE.matcher(job.path());
		if (!matcher.find()) {
			fail("the form did not lead to a job page but to " + job.uri() + ": " + job.text());
		}
		if (title != null) {
			assertThat(job.text("#job h1")).isEqualTo(title);
		}
		String progress = "/console/jobs/" + matcher.group(1) + "/progress";
		Instant deadline = Instant.now().plusSeconds(60);
		JsonNode state = null;
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> answer = web.raw(progress);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			state = GatewayClient.JSON.readTree(answer.body());
			String s = state.path("state").asString();
			if (s.equals("SUCCEEDED") || s.equals("FAILED")) {
				break;
			}
			Thread.sleep(300);
		}
		assertThat(state).isNotNull();
		assertThat(state.path("state").asString()).as(String.valueOf(state)).isEqualTo("SUCCEEDED");
		Page ended = web.open(job.path());
		assertThat(ended.document().selectFirst("#job").attr("data-state")).isEqualTo("SUCCEEDED");
	}

	private static String customerIdOf(Page customers, String userId) {
		for (Element row : customers.document().select("#customers tr")) {
			if (row.text().contains(userId)) {
				Element link = row.selectFirst("a[href*='/partner/customers/']");
				if (link != null) {
					String href = link.attr("href");
					Matcher id = Pattern.compile("/partner/customers/([^/?#]+)").matcher(href);
					if (id.find()) {
						return id.group(1);
					}
				}
			}
		}
		throw new AssertionError("no customer " + userId + " on " + customers.text());
	}

	/**
	 * Three hours of an earlier server of the customer reported through the usage API (as
	 * an operator: the platform's own metering reports an hour only after it ended), once
	 * billing rated them: 3 x 45 KRW at list, 3 x 38.25 = 114.75 KRW supply cost.
	 */
	private void reportThreeHoursOfAServer(String customerId, String entitlementId) throws Exception {
		String operator = client.token("local-operator", "local-operator-secret");
		Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(3 * 3600);
		if (!YearMonth.from(first.atZone(SEOUL)).equals(YearMonth.now(SEOUL))) {
			first = YearMonth.now(SEOUL).atDay(1).atStartOfDay(SEOUL).toInstant();
		}
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 3; i++) {
			Instant start = first.plusSeconds(3600L * i);
			batch.append((i > 0) ? "," : "")
				.append("""
						{"specversion":"1.0","id":"%s","source":"//walk.example/metering","type":"usage.recorded",
						 "subject":"accounts/%s/customers/%s/servers/walk-old","datacontenttype":"application/json",
						 "data":{"accountId":"%s","customerId":"%s","entitlementId":"%s",
						 "sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","unit":"HOUR","quantity":"1",
						 "windowStart":"%s","windowEnd":"%s"}}"""
					.formatted(java.util.UUID.randomUUID(), accountId, customerId, accountId, customerId, entitlementId,
							start, start.plusSeconds(3600)));
		}
		String body = batch.append("]").toString();
		client.eventually("billing accepts the new partner's usage",
				() -> client.send(client.post("/v1/usage-events", operator, body)),
				(r) -> r.statusCode() == 202 && GatewayClient.JSON.readTree(r.body()).path("rejected").isEmpty());
		client.eventually("billing rated the three hours",
				() -> client.send(client
					.get("/v1/accounts/" + accountId + "/customers/" + customerId + "/billing/current-month", operator)
					.build()),
				(r) -> r.statusCode() == 200 && r.body().contains("\"quantity\":\"3\""));
	}

	/** A whole KRW amount as a page writes it ("1,234 KRW", "₩1,234"). */
	private static long won(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	/** The amounts of a day table's column, summed. */
	private static java.math.BigDecimal sum(Page page, String cells) {
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		for (Element cell : page.document().select(cells)) {
			total = total.add(new java.math.BigDecimal(cell.attr("data-amount")));
		}
		return total;
	}

	/** An IaaS entitlement of the customer (the demo catalog's pay-as-you-go offer). */
	private String iaasEntitlement(String partnerToken, String customerId) throws Exception {
		String path = "/v1/accounts/" + accountId + "/customers/" + customerId + "/entitlements";
		HttpResponse<String> operation = client.eventually("the IaaS entitlement is accepted",
				() -> client.send(client.post(path, partnerToken,
						"{\"offer\":\"offers/iaas-payg\"," + "\"billingAccount\":\"accounts/" + accountId
								+ "/billingAccounts/" + billingAccount(partnerToken) + "\"}")),
				(r) -> r.statusCode() == 202);
		String name = GatewayClient.JSON.readTree(operation.body()).at("/response/name").asString();
		assertThat(name).startsWith("accounts/" + accountId + "/customers/" + customerId + "/entitlements/");
		return name.substring(name.lastIndexOf('/') + 1);
	}

	private String billingAccount(String partnerToken) throws Exception {
		HttpResponse<String> accounts = client.eventually("the partner's billing account exists",
				() -> client.send(client.get("/v1/accounts/" + accountId + "/billing-accounts", partnerToken).build()),
				(r) -> r.statusCode() == 200 && r.body().contains("billingAccounts/"));
		String name = GatewayClient.JSON.readTree(accounts.body())
			.path("billingAccounts")
			.get(0)
			.path("name")
			.asString();
		return name.substring(name.lastIndexOf('/') + 1);
	}

}
