package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server's monitoring page: each metric drawn as inline SVG from the API's points, the
 * period asked of the API, series that fail or are empty, and another customer's server.
 */
class ConsoleMonitoringIT extends ServersTestSupport {

	@Test
	void drawsEachMetricFromTheApisPoints() {
		Customer customer = signIn();
		String server = server(customer, "web-1", "RUNNING");
		Instant from = Instant.now()
			.truncatedTo(ChronoUnit.HOURS)
			.plus(Duration.ofHours(1))
			.minus(Duration.ofHours(24));
		series(customer, server, "cpu", from, "10.5", "50", "99.25");
		series(customer, server, "memory", from, "40");
		series(customer, server, "disk", from);
		series(customer, server, "traffic", from, "1500000", "2500000");

		HttpResponse<String> page = get("/console/servers/" + server + "/monitoring", customer.cookie(),
				"Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(200);
		String cpu = section(page.body(), "cpu");
		assertThat(cpu).contains("<svg class=\"chart\"", "CPU usage", ">100%<", ">50%<", ">0%<",
				"data-time=\"" + from + "\" data-value=\"10.5\"",
				"data-time=\"" + from.plus(Duration.ofHours(1)) + "\" data-value=\"50\"",
				"data-time=\"" + from.plus(Duration.ofHours(2)) + "\" data-value=\"99.25\"",
				"class=\"metric-latest\">99.3%<", "class=\"metric-peak\">99.3%<");
		// 50% is half way up the 176-pixel plot that ends at y=188; the first hour at the
		// axis
		assertThat(cpu).contains("cx=\"64.0\" cy=\"169.5\"", "cy=\"100.0\"");
		assertThat(polyline(cpu)).hasSize(3);
		assertThat(section(page.body(), "memory")).contains("data-value=\"40\"");
		assertThat(section(page.body(), "disk")).contains("class=\"muted metric-empty\"", "No data for this period.")
			.doesNotContain("<svg");
		String traffic = section(page.body(), "traffic");
		assertThat(traffic).contains("Outbound traffic", ">4 MB<", ">2 MB<", "class=\"metric-peak\">2.5 MB<",
				"data-value=\"1500000\"");
		// every series of the customer's own server, for the last 24 hours, with its
		// token
		List<FakeInsights.Call> calls = upstreams.insights.callsTo("/v1/accounts/" + customer.account() + "/customers/"
				+ customer.id() + "/servers/" + server + "/metrics");
		assertThat(calls).hasSize(4).allSatisfy((call) -> assertThat(call.tokenCustomer()).isEqualTo(customer.id()));
		assertThat(calls).extracting((call) -> FakeInsights.param(call.path().replaceAll("^[^?]*\\?", ""), "metric"))
			.containsExactlyInAnyOrder("cpu", "memory", "disk", "traffic");
		assertThat(period(calls.get(0))).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void asksTheApiForThePeriodChosen() {
		Customer customer = signIn();
		String server = server(customer, "web-2", "RUNNING");
		String prefix = "/v1/accounts/" + customer.account() + "/customers/" + customer.id() + "/servers/" + server
				+ "/metrics";

		HttpResponse<String> week = get("/console/servers/" + server + "/monitoring?range=7d", customer.cookie());

		assertThat(week.statusCode()).isEqualTo(200);
		assertThat(week.body()).contains(
				"class=\"range current\" id=\"range-7d\" href=\"/console/servers/" + server + "/monitoring?range=7d\"",
				"class=\"range\" id=\"range-30d\"", "id=\"range-6h\"");
		assertThat(upstreams.insights.callsTo(prefix)).hasSize(4)
			.allSatisfy((call) -> assertThat(period(call)).isEqualTo(Duration.ofDays(7)));

		get("/console/servers/" + server + "/monitoring?range=30d", customer.cookie());
		assertThat(period(upstreams.insights.callsTo(prefix).get(4))).isEqualTo(Duration.ofDays(30));
		// an unknown period is the default day, never passed on
		get("/console/servers/" + server + "/monitoring?range=999d", customer.cookie());
		assertThat(period(upstreams.insights.callsTo(prefix).get(8))).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void showsASeriesThatFailsAsUnavailableAndTheOthersStill() {
		Customer customer = signIn();
		String server = server(customer, "web-3", "RUNNING");
		Instant from = Instant.now()
			.truncatedTo(ChronoUnit.HOURS)
			.plus(Duration.ofHours(1))
			.minus(Duration.ofHours(24));
		series(customer, server, "cpu", from, "12");

		HttpResponse<String> page = get("/console/servers/" + server + "/monitoring", customer.cookie());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(section(page.body(), "cpu")).contains("data-value=\"12\"");
		for (String metric : List.of("memory", "disk", "traffic")) {
			assertThat(section(page.body(), metric)).contains("metric-unavailable", "지금은 이 차트를 불러올 수 없습니다");
		}
		assertNoInternals(page);
	}

	@Test
	void neverShowsAnotherCustomersServer() {
		Customer owner = signIn();
		String server = server(owner, "secret-db", "RUNNING");
		Customer other = signIn(owner.account());

		HttpResponse<String> page = get("/console/servers/" + server + "/monitoring", other.cookie());

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("secret-db");
		assertThat(upstreams.insights.calls).noneMatch((call) -> call.path().contains(server));
		assertThat(get("/console/servers/not%20an%20id/monitoring", other.cookie()).statusCode()).isEqualTo(404);
	}

	@Test
	void linksTheServerPageToItsCharts() {
		Customer customer = signIn();
		String server = server(customer, "web-4", "STOPPED");

		assertThat(get("/console/servers/" + server, customer.cookie()).body())
			.contains("id=\"monitoring-link\" href=\"/console/servers/" + server + "/monitoring\"");
		assertThat(get("/console/servers/" + server + "/monitoring", customer.cookie()).body())
			.contains("id=\"server-stopped\"", "id=\"back-to-server\" href=\"/console/servers/" + server + "\"");
	}

	/** A server of the customer as entitlement-service holds it. */
	static String server(Customer customer, String displayName, String state) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> server = new ConcurrentHashMap<>();
		server.put("name", customer.entitlement().replace("entitlements/e-iaas", "servers/" + id));
		server.put("id", id);
		server.put("displayName", displayName);
		server.put("entitlement", customer.entitlement());
		server.put("sku", FakeCloud.SERVER_SKUS.get(0));
		server.put("state", state);
		server.put("location", "kr-central-1");
		server.put("details", Map.of("image", "ubuntu-24.04"));
		server.put("createTime", "2026-10-01T00:00:00Z");
		server.put("updateTime", "2026-10-01T00:00:00Z");
		cloud.servers.computeIfAbsent(customer.key(), (k) -> Collections.synchronizedMap(new LinkedHashMap<>()))
			.put(id, server);
		return id;
	}

	/** A series with one point per hour from {@code from}. */
	static void series(Customer customer, String server, String metric, Instant from, String... values) {
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			points.append((i > 0) ? "," : "")
				.append("{\"time\":\"")
				.append(from.plus(Duration.ofHours(i)))
				.append("\",\"value\":")
				.append(values[i])
				.append('}');
		}
		upstreams.insights.series.put(FakeInsights.seriesKey(customer.account(), customer.id(), server, metric),
				"{\"resource\":\"" + customer.entitlement() + "\",\"metric\":\"" + metric + "\",\"points\":[" + points
						+ "]}");
	}

	/** The card of one metric. */
	static String section(String html, String metric) {
		int start = html.indexOf("id=\"metric-" + metric + "\"");
		assertThat(start).as("the card of " + metric).isPositive();
		int end = html.indexOf("</section>", start);
		return html.substring(start, end);
	}

	static List<String> polyline(String card) {
		Matcher m = Pattern.compile("<polyline[^>]*points=\"([^\"]*)\"").matcher(card);
		assertThat(m.find()).isTrue();
		return List.of(m.group(1).split(" "));
	}

	static Duration period(FakeInsights.Call call) {
		String query = call.path().replaceAll("^[^?]*\\?", "");
		return Duration.between(Instant.parse(FakeInsights.param(query, "from")),
				Instant.parse(FakeInsights.param(query, "to")));
	}

}
