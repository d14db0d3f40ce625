package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall rules of a server: listed from its page, added and deleted as jobs. */
class ConsoleFirewallRulesIT extends ResourcesTestSupport {

	private static final Pattern RULE = Pattern
		.compile("class=\"rule-row\" data-id=\"([^\"]+)\" data-state=\"ACTIVE\"");

	@Test
	void addsListsAndDeletesARule() {
		Customer customer = signIn();
		String server = runningServer(customer, "web-1");
		assertThat(get("/console/servers/" + server, customer.cookie()).body())
			.contains("href=\"/console/servers/" + server + "/firewall-rules\"");
		String rules = "/console/servers/" + server + "/firewall-rules";
		HttpResponse<String> empty = get(rules, customer.cookie(), "Accept-Language", "en");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"rules-empty\"", "id=\"add-rule-form\"", "web-1");

		String jobPage = location(submit(customer, rules,
				List.of("direction", "INBOUND", "protocol", "TCP", "port", "22", "cidr", "203.0.113.0/24")));
		assertThat(follow(customer, jobPage).get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(get(jobPage, customer.cookie()).body()).contains("id=\"back-to-resource\"", "href=\"" + rules + "\"",
				"방화벽 규칙 추가");

		String page = get(rules, customer.cookie()).body();
		assertThat(page).contains("203.0.113.0/24", ">22<", "인바운드");
		Matcher rule = RULE.matcher(page);
		assertThat(rule.find()).isTrue();
		assertThat(runJob(customer, rules + "/" + rule.group(1) + "/delete")).isEqualTo("SUCCEEDED");
		assertThat(get(rules, customer.cookie()).body()).contains("id=\"rules-empty\"");
	}

	@Test
	void showsRefusalsOnTheRulesPage() {
		Customer customer = signIn();
		String server = runningServer(customer, "web-2");
		String rules = "/console/servers/" + server + "/firewall-rules";
		int before = cloud.calls.size();

		HttpResponse<String> incomplete = submit(customer, rules,
				List.of("direction", "SIDEWAYS", "protocol", "TCP", "cidr", "everyone"));
		assertThat(location(incomplete)).isEqualTo(rules);
		assertThat(cloud.calls.subList(before, cloud.calls.size())).noneMatch((c) -> c.method().equals("POST"));
		assertThat(get(rules, customer.cookie()).body()).contains("data-code=\"FORM_INCOMPLETE\"");

		cloud.refuseNext.put(customer.key(), new Object[] { 409, "SERVER_NOT_READY" });
		submit(customer, rules, List.of("direction", "INBOUND", "protocol", "ANY", "cidr", "0.0.0.0/0"));
		assertThat(get(rules, customer.cookie(), "Accept-Language", "en").body())
			.contains("data-code=\"SERVER_NOT_READY\"", "The server is not ready yet");
		cloud.refuseNext.put(customer.key(), new Object[] { 409, "SERVER_NOT_READY" });
		submit(customer, rules, List.of("direction", "INBOUND", "protocol", "ANY", "cidr", "0.0.0.0/0"));
		assertThat(get(rules, customer.cookie()).body()).contains("data-code=\"SERVER_NOT_READY\"", "서버가 아직 준비되지");
	}

}
