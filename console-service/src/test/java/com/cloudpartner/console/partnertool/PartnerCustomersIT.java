package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer pages: list, create, edit, delete, and opening a customer's console. */
class PartnerCustomersIT extends PartnerToolTestSupport {

	@Test
	void listsTheCustomersPageByPage() {
		Partner partner = newPartner("Blue Hosting");
		for (int i = 0; i < 25; i++) {
			partner.account().addCustomer("c-" + i, "user%02d".formatted(i), "Customer " + i);
		}
		Browser browser = signedIn(partner);

		HttpResponse<String> first = browser.get("/partner/customers");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body().split("class=\"customer-row\"", -1)).hasSize(21);
		assertThat(first.body()).contains("user00", "user19", "id=\"next-page\"")
			.doesNotContain("user20", "first-page");
		Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first.body());
		assertThat(next.find()).isTrue();
		HttpResponse<String> second = browser.get(next.group(1).replace("&amp;", "&"));
		assertThat(second.body().split("class=\"customer-row\"", -1)).hasSize(6);
		assertThat(second.body()).contains("user20", "user24", "id=\"first-page\"").doesNotContain("next-page");
		assertThat(requestsOf(partner)).anySatisfy((seen) -> assertThat(seen.query()).contains("pageSize=20"));
	}

	@Test
	void createsACustomerAndShowsItInTheList() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		HttpResponse<String> form = browser.get("/partner/customers/new");
		assertThat(form.statusCode()).isEqualTo(200);
		String key = value(form.body(), "idempotencyKey");

		HttpResponse<String> created = browser.submit("/partner/customers", "idempotencyKey", key, "userId", "alice01",
				"displayName", "Alice Kim", "email", "alice@example.com", "correlationId", "crm-1001");

		assertThat(created.statusCode()).isEqualTo(303);
		assertThat(created.headers().firstValue("Location")).hasValue("/partner/customers");
		FakePartnerService.Seen post = requestsOf(partner).stream()
			.filter((seen) -> seen.method().equals("POST") && seen.path().endsWith("/customers"))
			.findFirst()
			.orElseThrow();
		assertThat(post.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/customers");
		assertThat(post.idempotencyKey()).isEqualTo(key);
		assertThat(post.body()).containsEntry("userId", "alice01")
			.containsEntry("displayName", "Alice Kim")
			.containsEntry("email", "alice@example.com")
			.containsEntry("correlationId", "crm-1001");
		HttpResponse<String> list = browser.follow(created);
		assertThat(list.body()).contains("data-key=\"pt.customers.created\"", "Alice Kim(alice01) 고객을 등록했습니다.",
				"class=\"customer-user-id\">alice01<", "class=\"customer-correlation\">crm-1001<");
		// the message is shown once
		assertThat(browser.get("/partner/customers").body()).doesNotContain("id=\"flash\"");
	}

	@Test
	void explainsMistakesNextToTheFieldsWithoutCallingPartnerService() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/customers/new");

		HttpResponse<String> refused = browser.submit("/partner/customers", "userId", "a!", "displayName", "", "email",
				"not-an-address");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"userId-error\"", "영문자, 숫자, 밑줄로 3~16자를 입력해 주세요.",
				"id=\"displayName-error\"", "id=\"email-error\"", "value=\"not-an-address\"");
		assertThat(requestsOf(partner)).noneMatch(FakePartnerService.Seen::changes);
	}

	@Test
	void reportsATakenOrReservedUserIdAtTheField() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice");
		Browser browser = signedIn(partner);
		browser.get("/partner/customers/new");

		HttpResponse<String> taken = browser.submit("/partner/customers", "userId", "alice01", "displayName",
				"Alice 2");
		assertThat(taken.statusCode()).isEqualTo(400);
		assertThat(taken.body()).contains("id=\"userId-error\"", "이 사용자 ID의 고객이 이미 있습니다.");

		HttpResponse<String> reserved = browser.submit("/partner/customers", "userId", "admin", "displayName", "Admin");
		assertThat(reserved.statusCode()).isEqualTo(400);
		assertThat(reserved.body()).contains("id=\"userId-error\"", "플랫폼 응답: is reserved");
	}

	@Test
	void editsACustomer() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice").put("email", "old@example.com");
		Browser browser = signedIn(partner);

		HttpResponse<String> form = browser.get("/partner/customers/c-1", "Accept-Language", "en");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Edit customer", "value=\"Alice\"", "value=\"old@example.com\"",
				"id=\"userId\" value=\"alice01\" disabled");

		HttpResponse<String> saved = browser.submit("/partner/customers/c-1", "displayName", "Alice Park", "email", "",
				"correlationId", "crm-7");

		assertThat(saved.statusCode()).isEqualTo(303);
		FakePartnerService.Seen patch = requestsOf(partner).stream()
			.filter((seen) -> seen.method().equals("PATCH"))
			.findFirst()
			.orElseThrow();
		assertThat(patch.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/customers/c-1");
		assertThat(patch.body()).containsEntry("displayName", "Alice Park")
			.containsEntry("email", "")
			.containsEntry("correlationId", "crm-7");
		assertThat(browser.follow(saved).body()).contains("Alice Park(alice01) 고객 정보를 저장했습니다.");
	}

	@Test
	void deletesACustomerAfterAConfirmation() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice");
		Browser browser = signedIn(partner);

		HttpResponse<String> confirm = browser.get("/partner/customers/c-1/delete");
		assertThat(confirm.body()).contains("id=\"delete-question\">Alice(alice01) 고객을 삭제할까요?<");
		assertThat(partner.account().customers).containsKey("c-1");

		HttpResponse<String> deleted = browser.submit("/partner/customers/c-1/delete");

		assertThat(deleted.statusCode()).isEqualTo(303);
		assertThat(partner.account().customers).doesNotContainKey("c-1");
		assertThat(browser.follow(deleted).body()).contains("Alice(alice01) 고객을 삭제했습니다.", "id=\"customers-empty\"");
	}

	@Test
	void explainsWhyACustomerWithActiveResourcesIsNotDeleted() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice");
		partner.account().busyCustomers.add("c-1");
		Browser browser = signedIn(partner);
		browser.get("/partner/customers/c-1/delete");

		HttpResponse<String> refused = browser.submit("/partner/customers/c-1/delete");

		assertThat(refused.statusCode()).isEqualTo(303);
		assertThat(partner.account().customers).containsKey("c-1");
		HttpResponse<String> list = browser.get("/partner/customers", "Accept-Language", "en");
		assertThat(list.body()).contains("class=\"flash error\"", "data-key=\"pt.customers.still-active\"",
				"Customer Alice (alice01) was not deleted: it still has active subscriptions or resources.");
	}

	@Test
	void opensTheConsoleAsTheCustomerThroughAFormThatPostsItself() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice");
		Browser browser = signedIn(partner);

		HttpResponse<String> minted = browser.submit("/partner/customers/c-1/console");

		assertThat(minted.statusCode()).isEqualTo(303);
		assertThat(minted.headers().firstValue("Location")).hasValue("/partner/customers/c-1/console");
		assertThat(requestsOf(partner)).anySatisfy((seen) -> {
			assertThat(seen.method()).isEqualTo("POST");
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/customers/c-1/console-tokens");
		});
		String consoleToken = partnerService.issuedTokens.get(partnerService.issuedTokens.size() - 1);
		HttpResponse<String> page = browser.follow(minted);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(
				"<form method=\"post\" id=\"console-entry\" action=\"" + FakePartnerService.CONSOLE_URL + "\">",
				"name=\"user_id\" value=\"alice01\"", "name=\"jwt\" value=\"" + consoleToken + "\"",
				"<script src=\"/partner/assets/console-entry.js\"></script>");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.contains("form-action 'self' http://console.example.test;", "script-src 'self'"));
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		// once only: a reload shows no token
		HttpResponse<String> again = browser.get("/partner/customers/c-1/console");
		assertThat(again.body()).contains("id=\"console-again\"").doesNotContain(consoleToken, "name=\"jwt\"");
		assertThat(again.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("form-action 'self';"));
		assertThat(browser.get("/partner/assets/console-entry.js").body()).contains("form.submit()");
	}

	@Test
	void escapesWhatCustomersAreNamed() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/customers/new");
		String name = "<script>alert(1)</script>";

		HttpResponse<String> created = browser.submit("/partner/customers", "userId", "evil01", "displayName", name,
				"correlationId", "\"><img src=x onerror=alert(2)>");
		String id = (String) partner.account().customers.values().iterator().next().get("id");

		for (HttpResponse<String> page : List.of(browser.follow(created), browser.get("/partner/customers/" + id),
				browser.get("/partner/customers/" + id + "/delete"))) {
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert", "<img src=x");
		}
	}

	private static String value(String body, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
		assertThat(m.find()).as(name).isTrue();
		return m.group(1);
	}

}
