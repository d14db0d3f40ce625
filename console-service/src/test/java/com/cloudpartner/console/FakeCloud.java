package com.cloudpartner.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * entitlement-service's catalog, OS images, purchasable SKUs, servers and jobs as far as
 * the console uses them, with its access rule (a console token reaches only its own
 * customer; another customer's job is not found) and a job runner that moves a job one
 * step (QUEUED, RUNNING, finished) each time the job is read.
 */
final class FakeCloud {

	/**
	 * The SKUs servers are created with (entitlement-service's platform.resources.skus).
	 */
	static final List<String> SERVER_SKUS = List.of("products/server-basic/skus/basic-2vcpu-4gb",
			"products/server-basic/skus/basic-4vcpu-8gb", "products/server-premium/skus/premium-4vcpu-16gb");

	/** An IaaS SKU metered in vm-hours that partners may sell but no server runs on. */
	static final String GPU_SKU = "products/gpu/skus/a100";

	/** The provider's public OS images. */
	static final List<Map<String, Object>> OS_IMAGES = List.of(osImage("rocky-9", "Rocky Linux 9", "LINUX"),
			osImage("ubuntu-24.04", "Ubuntu 24.04 LTS", "LINUX"),
			osImage("windows-server-2022", "Windows Server 2022", "WINDOWS"));

	private static final Pattern CUSTOMER = Pattern.compile(
			"/v1/accounts/([^/]+)/customers/([^/]+)/(servers|images|purchasable-skus|jobs)(?:/([^/]+))?(?:/([^/]+))?");

	private static final Pattern JOB = Pattern.compile("/v1/accounts/([^/]+)/jobs/([^/]+)");

	private static final Pattern SKUS = Pattern.compile("/v1/products/([^/]+)/skus");

	private final JsonMapper json = JsonMapper.builder().build();

	/** Every call: method, path (with query) and the customer of its console token. */
	final List<Call> calls = new CopyOnWriteArrayList<>();

	/** "a/c" to id to server. */
	final Map<String, Map<String, Map<String, Object>>> servers = new ConcurrentHashMap<>();

	/** "a" to id to job, in creation order. */
	final Map<String, Map<String, Map<String, Object>>> jobs = new ConcurrentHashMap<>();

	/** "a/c" whose next job fails with this code. */
	final Map<String, String> failNextJob = new ConcurrentHashMap<>();

	/** "a/c" whose next change is refused: {status, code}. */
	final Map<String, Object[]> refuseNext = new ConcurrentHashMap<>();

	/** "a/c" whose servers, images and jobs answer 503. */
	final Set<String> unavailable = ConcurrentHashMap.newKeySet();

	/**
	 * Account to the SKUs its partner may no longer sell (left out of purchasable-skus).
	 */
	final Map<String, Set<String>> notSellable = new ConcurrentHashMap<>();

	/** "a/c" to their ACTIVE images. */
	final Map<String, List<Map<String, Object>>> images = new ConcurrentHashMap<>();

	/** Idempotency keys seen, to the create answer they gave. */
	final Map<String, Map<String, Object>> idempotency = new ConcurrentHashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	/** When set, job reads skip the customer check (an API that lies). */
	volatile boolean leakJobs;

	record Call(String method, String path, String tokenCustomer) {

	}

	boolean handles(String path) {
		return path.startsWith("/v1/products") || path.equals("/v1/os-images") || CUSTOMER.matcher(path).matches()
				|| JOB.matcher(path).matches();
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		String method = exchange.getRequestMethod();
		JsonNode token = claims(exchange.getRequestHeaders().getFirst("Authorization"));
		String tokenCustomer = (token != null && token.has("cust")) ? token.get("cust").asString() : null;
		this.calls.add(new Call(method, path + ((query != null) ? "?" + query : ""), tokenCustomer));
		if (token == null) {
			problem(exchange, 401, "TOKEN_MISSING");
			return;
		}
		Matcher m;
		if (path.equals("/v1/products")) {
			respond(exchange, 200, Map.of("products", products(), "nextPageToken", ""));
		}
		else if (path.equals("/v1/os-images")) {
			respond(exchange, 200, Map.of("osImages", OS_IMAGES, "nextPageToken", ""));
		}
		else if ((m = SKUS.matcher(path)).matches()) {
			respond(exchange, 200, Map.of("skus", skusOf(m.group(1)), "nextPageToken", ""));
		}
		else if ((m = JOB.matcher(path)).matches()) {
			job(exchange, token, m.group(1), m.group(2));
		}
		else if ((m = CUSTOMER.matcher(path)).matches()) {
			String a = m.group(1);
			String c = m.group(2);
			if (!a.equals(text(token, "acct")) || !c.equals(tokenCustomer)) {
				problem(exchange, 403, "CUSTOMER_FORBIDDEN");
				return;
			}
			customer(exchange, method, a, c, m.group(3), m.group(4), m.group(5));
		}
	}

	private void customer(HttpExchange exchange, String method, String a, String c, String collection, String id,
			String verb) throws IOException {
		String key = FakeUpstreams.key(a, c);
		if (collection.equals("purchasable-skus")) {
			purchasable(exchange, a);
			return;
		}
		if (this.unavailable.contains(key)) {
			problem(exchange, 503, "UNAVAILABLE");
			return;
		}
		if (collection.equals("images")) {
			respond(exchange, 200, Map.of("images", this.images.getOrDefault(key, List.of()), "nextPageToken", ""));
			return;
		}
		if (collection.equals("jobs")) {
			String resource = queryParam(exchange, "resource");
			List<Map<String, Object>> list = new ArrayList<>(this.jobs.getOrDefault(a, Map.of())
				.values()
				.stream()
				.filter((job) -> job.get("customer").equals("accounts/" + a + "/customers/" + c))
				.filter((job) -> resource == null || resource.equals(job.get("target")))
				.toList());
			list.sort(Comparator.comparing((Map<String, Object> job) -> (Long) job.get("_seq")).reversed());
			respond(exchange, 200,
					Map.of("jobs", list.stream().map(FakeCloud::publicJob).toList(), "nextPageToken", ""));
			return;
		}
		Map<String, Map<String, Object>> mine = this.servers.computeIfAbsent(key,
				(k) -> Collections.synchronizedMap(new LinkedHashMap<>()));
		if (id == null && method.equals("GET")) {
			List<Map<String, Object>> live;
			synchronized (mine) {
				live = mine.values().stream().filter((s) -> !"DELETED".equals(s.get("state"))).toList();
			}
			respond(exchange, 200, Map.of("servers", live, "nextPageToken", ""));
			return;
		}
		Object[] refusal = this.refuseNext.remove(key);
		if (refusal != null && !method.equals("GET")) {
			problem(exchange, (Integer) refusal[0], (String) refusal[1]);
			return;
		}
		if (id == null) {
			create(exchange, a, c, mine);
			return;
		}
		Map<String, Object> server = mine.get(id);
		if (server == null) {
			problem(exchange, 404, "SERVER_NOT_FOUND");
			return;
		}
		if (method.equals("GET") && verb == null) {
			respond(exchange, 200, server);
			return;
		}
		act(exchange, a, c, server, method.equals("DELETE") ? "delete" : verb);
	}

	/**
	 * The SKUs of purchasable products not withdrawn from the partner, by name; with
	 * {@code kind=servers}, only those servers are created with.
	 */
	private void purchasable(HttpExchange exchange, String a) throws IOException {
		String kind = queryParam(exchange, "kind");
		if (kind != null && !kind.equals("servers")) {
			problem(exchange, 400, "VALIDATION_FAILED");
			return;
		}
		Set<String> withdrawn = this.notSellable.getOrDefault(a, Set.of());
		List<Map<String, Object>> skus = new ArrayList<>();
		for (Map<String, Object> product : products()) {
			if (Boolean.TRUE.equals(product.get("purchasable"))) {
				skusOf((String) product.get("id")).stream()
					.filter((sku) -> !withdrawn.contains((String) sku.get("name")))
					.filter((sku) -> kind == null || SERVER_SKUS.contains((String) sku.get("name")))
					.forEach(skus::add);
			}
		}
		skus.sort(Comparator.comparing((Map<String, Object> sku) -> (String) sku.get("name")));
		respond(exchange, 200, Map.of("purchasableSkus", skus.stream().map((sku) -> Map.of("sku", sku)).toList(),
				"nextPageToken", ""));
	}

	private void create(HttpExchange exchange, String a, String c, Map<String, Map<String, Object>> mine)
			throws IOException {
		String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if (idempotencyKey != null && this.idempotency.containsKey(idempotencyKey)) {
			Map<String, Object> replay = new LinkedHashMap<>(this.idempotency.get(idempotencyKey));
			replay.remove("initialPassword");
			respond(exchange, 202, replay);
			return;
		}
		JsonNode body = this.json.readTree(exchange.getRequestBody());
		String entitlement = text(body, "entitlement");
		if (entitlement == null || !entitlement.startsWith("accounts/" + a + "/customers/" + c + "/entitlements/")) {
			problem(exchange, 404, "ENTITLEMENT_NOT_FOUND");
			return;
		}
		if (!SERVER_SKUS.contains(text(body, "sku"))) {
			problem(exchange, 400, "SKU_NOT_SERVER");
			return;
		}
		if (text(body, "image") == null) {
			problem(exchange, 400, "VALIDATION_FAILED");
			return;
		}
		String id = UUID.randomUUID().toString();
		String now = Instant.now().toString();
		Map<String, Object> server = new ConcurrentHashMap<>();
		server.put("name", "accounts/" + a + "/customers/" + c + "/servers/" + id);
		server.put("id", id);
		server.put("displayName", (text(body, "displayName") != null) ? text(body, "displayName") : "server");
		server.put("entitlement", entitlement);
		server.put("sku", text(body, "sku"));
		server.put("state", "PROVISIONING");
		server.put("location", "kr-central-1");
		server.put("details", Map.of("image", text(body, "image")));
		server.put("createTime", now);
		server.put("updateTime", now);
		mine.put(id, server);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("job", queue(a, c, "CREATE_SERVER", server, Map.of()));
		answer.put("server", server);
		answer.put("initialPassword", "Init-" + id.substring(0, 8) + "!pw");
		if (idempotencyKey != null) {
			this.idempotency.put(idempotencyKey, answer);
		}
		respond(exchange, 202, answer);
	}

	private void act(HttpExchange exchange, String a, String c, Map<String, Object> server, String verb)
			throws IOException {
		String state = (String) server.get("state");
		if (pending((String) server.get("name"), a)) {
			problem(exchange, 409, "RESOURCE_BUSY");
			return;
		}
		String sku = null;
		switch (verb) {
			case "start" -> {
				if (!state.equals("STOPPED")) {
					problem(exchange, 409, "SERVER_NOT_STOPPED");
					return;
				}
			}
			case "stop", "reboot" -> {
				if (!state.equals("RUNNING")) {
					problem(exchange, 409, "SERVER_NOT_RUNNING");
					return;
				}
			}
			case "resize" -> {
				sku = text(this.json.readTree(exchange.getRequestBody()), "sku");
				if (!SERVER_SKUS.contains(sku)) {
					problem(exchange, 400, "SKU_NOT_SERVER");
					return;
				}
				if (!state.equals("STOPPED")) {
					problem(exchange, 409, "SERVER_NOT_STOPPED");
					return;
				}
			}
			case "delete" -> server.put("state", "DELETING");
			default -> {
			}
		}
		String type = switch (verb) {
			case "reset-password" -> "RESET_SERVER_PASSWORD";
			default -> verb.toUpperCase() + "_SERVER";
		};
		Map<String, Object> job = new LinkedHashMap<>(
				queue(a, c, type, server, (sku != null) ? Map.of("sku", sku) : Map.of()));
		if (verb.equals("reset-password")) {
			job.put("password", "Reset-" + ((String) job.get("id")).substring(0, 8) + "!pw");
		}
		respond(exchange, 202, job);
	}

	private void job(HttpExchange exchange, JsonNode token, String a, String jobId) throws IOException {
		Map<String, Object> job = this.jobs.getOrDefault(a, Map.of()).get(jobId);
		if (!a.equals(text(token, "acct"))) {
			problem(exchange, 403, "ACCOUNT_FORBIDDEN");
			return;
		}
		if (job == null) {
			problem(exchange, 404, "JOB_NOT_FOUND");
			return;
		}
		String customer = (String) job.get("customer");
		if (!this.leakJobs && !customer.equals("accounts/" + a + "/customers/" + text(token, "cust"))) {
			problem(exchange, 404, "JOB_NOT_FOUND");
			return;
		}
		if (this.unavailable.contains(customer.substring("accounts/".length()).replace("/customers/", "/"))) {
			problem(exchange, 503, "UNAVAILABLE");
			return;
		}
		advance(job);
		respond(exchange, 200, publicJob(job));
	}

	/** Moves a job one step; at the end, the server changes as the job says. */
	private void advance(Map<String, Object> job) {
		String state = (String) job.get("state");
		if (state.equals("QUEUED")) {
			job.put("state", "RUNNING");
			job.put("startTime", Instant.now().toString());
			return;
		}
		if (!state.equals("RUNNING")) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> server = (Map<String, Object>) job.get("_server");
		String failure = (String) job.get("_failure");
		job.put("finishTime", Instant.now().toString());
		if (failure != null) {
			job.put("state", "FAILED");
			job.put("error", Map.of("code", failure, "message", "The provider said " + failure + "."));
			if (((String) job.get("type")).startsWith("CREATE_")) {
				server.put("state", "ERROR");
			}
			return;
		}
		job.put("state", "SUCCEEDED");
		switch ((String) job.get("type")) {
			case "CREATE_SERVER", "START_SERVER" -> server.put("state", "RUNNING");
			case "STOP_SERVER" -> server.put("state", "STOPPED");
			case "RESIZE_SERVER" -> server.put("sku", job.get("_sku"));
			case "DELETE_SERVER" -> server.put("state", "DELETED");
			default -> FakeResources.complete(job, server);
		}
		server.put("updateTime", Instant.now().toString());
	}

	Map<String, Object> queue(String a, String c, String type, Map<String, Object> server, Map<String, Object> input) {
		String id = UUID.randomUUID().toString();
		Map<String, Object> job = new ConcurrentHashMap<>();
		job.put("name", "accounts/" + a + "/jobs/" + id);
		job.put("id", id);
		job.put("customer", "accounts/" + a + "/customers/" + c);
		job.put("type", type);
		job.put("target", server.get("name"));
		job.put("state", "QUEUED");
		job.put("requestedBy", "customer-" + c);
		job.put("createTime", Instant.now().toString());
		job.put("_seq", this.sequence.incrementAndGet());
		job.put("_server", server);
		String failure = this.failNextJob.remove(FakeUpstreams.key(a, c));
		if (failure != null) {
			job.put("_failure", failure);
		}
		if (input.get("sku") != null) {
			job.put("_sku", input.get("sku"));
		}
		this.jobs.computeIfAbsent(a, (k) -> new ConcurrentHashMap<>()).put(id, job);
		return publicJob(job);
	}

	boolean pending(String target, String a) {
		return this.jobs.getOrDefault(a, Map.of())
			.values()
			.stream()
			.anyMatch((job) -> target.equals(job.get("target"))
					&& (job.get("state").equals("QUEUED") || job.get("state").equals("RUNNING")));
	}

	/** A job without the fake's own bookkeeping (keys starting with "_"). */
	private static Map<String, Object> publicJob(Map<String, Object> job) {
		Map<String, Object> view = new LinkedHashMap<>();
		job.forEach((k, v) -> {
			if (!k.startsWith("_")) {
				view.put(k, v);
			}
		});
		view.putIfAbsent("error", null);
		view.putIfAbsent("finishTime", null);
		return view;
	}

	private static List<Map<String, Object>> products() {
		return List.of(product("iaas", "Cloud infrastructure (IaaS), pay as you go", "IAAS", true),
				product("server-basic", "Server (Basic)", "IAAS", true),
				product("server-premium", "Server (Premium)", "IAAS", true),
				product("ssd-disk", "SSD disk", "IAAS", true), product("nas", "NAS", "IAAS", false),
				product("gpu", "GPU server", "IAAS", true), product("office-suite", "Office suite", "LICENSE", true));
	}

	private static Map<String, Object> product(String id, String displayName, String family, boolean purchasable) {
		return Map.of("name", "products/" + id, "id", id, "displayName", displayName, "family", family, "purchasable",
				purchasable);
	}

	private static List<Map<String, Object>> skusOf(String product) {
		return switch (product) {
			case "iaas" -> List.of(sku("iaas", "payg", "IaaS pay as you go", "account-months"));
			case "server-basic" -> List.of(sku("server-basic", "basic-2vcpu-4gb", "Basic 2 vCPU / 4 GB", "vm-hours"),
					sku("server-basic", "basic-4vcpu-8gb", "Basic 4 vCPU / 8 GB", "vm-hours"));
			case "server-premium" ->
				List.of(sku("server-premium", "premium-4vcpu-16gb", "Premium 4 vCPU / 16 GB", "vm-hours"));
			case "ssd-disk" -> List.of(sku("ssd-disk", "ssd-gb", "SSD per GB", "disk-gb"));
			case "nas" -> List.of(sku("nas", "nas-gb", "NAS per GB", "vm-hours"));
			case "gpu" -> List.of(sku("gpu", "a100", "GPU A100", "vm-hours"));
			default -> List.of();
		};
	}

	private static Map<String, Object> osImage(String id, String displayName, String osFamily) {
		return Map.of("name", "os-images/" + id, "id", id, "displayName", displayName, "osFamily", osFamily);
	}

	private static Map<String, Object> sku(String product, String id, String displayName, String meter) {
		return Map.of("name", "products/" + product + "/skus/" + id, "id", id, "displayName", displayName, "meters",
				List.of(Map.of("meter", meter, "unit", "HOUR")));
	}

	JsonNode claims(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return null;
		}
		String[] parts = authorization.substring(7).split("\\.");
		if (parts.length != 3) {
			return null;
		}
		return this.json.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	private static String queryParam(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getQuery();
		for (String pair : (query != null) ? query.split("&") : new String[0]) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	void problem(HttpExchange exchange, int status, String code) throws IOException {
		respond(exchange, status, Map.of("type", "about:blank", "title", "Refused", "status", status, "code", code,
				"detail", "at com.cloudpartner.Secret.internal(Secret.java:42) SQL select * from servers"));
	}

	void respond(HttpExchange exchange, int status, Object body) throws IOException {
		FakeUpstreams.respond(exchange, status, new String(this.json.writeValueAsBytes(body), StandardCharsets.UTF_8));
	}

}
