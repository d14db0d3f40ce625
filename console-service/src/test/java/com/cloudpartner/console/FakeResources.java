package com.cloudpartner.console;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * entitlement-service's disks, snapshots, images, public IPs, load balancers, buckets and
 * servers' firewall rules as far as the console uses them, beside {@link FakeCloud}'s
 * servers and jobs (whose job runner finishes these jobs through {@link #complete}). The
 * rules are the API's (docs/guides/resources.md): a console token reaches only its own
 * customer, an attached disk or assigned IP is not deleted, a disk quota fails the job.
 */
final class FakeResources {

	static final Map<String, String> SKUS = Map.of("disks", "products/ssd-disk/skus/ssd-gb", "snapshots",
			"products/snapshot/skus/snapshot-gb", "images", "products/image/skus/image-gb", "public-ips",
			"products/public-ip/skus/ipv4", "load-balancers", "products/load-balancer/skus/standard", "buckets",
			"products/object-storage/skus/standard");

	private static final Map<String, String[]> NAMES = Map.of("disks", new String[] { "disk", "DISK" }, "snapshots",
			new String[] { "snapshot", "SNAPSHOT" }, "images", new String[] { "image", "IMAGE" }, "public-ips",
			new String[] { "publicIp", "PUBLIC_IP" }, "load-balancers",
			new String[] { "loadBalancer", "LOAD_BALANCER" }, "buckets", new String[] { "bucket", "BUCKET" },
			"firewall-rules", new String[] { "firewallRule", "FIREWALL_RULE" });

	private static final int DISK_QUOTA_GB = 2000;

	private static final Pattern KIND = Pattern.compile(
			"/v1/accounts/([^/]+)/customers/([^/]+)/(disks|snapshots|images|public-ips|load-balancers|buckets)(?:/([^/]+))?(?:/([^/]+))?");

	private static final Pattern RULES = Pattern
		.compile("/v1/accounts/([^/]+)/customers/([^/]+)/servers/([^/]+)/firewall-rules(?:/([^/]+))?");

	private final FakeCloud cloud;

	private final JsonMapper json = JsonMapper.builder().build();

	/** "a/c/kind" (firewall rules: "a/c/servers/s/firewall-rules") to id to resource. */
	final Map<String, Map<String, Map<String, Object>>> resources = new ConcurrentHashMap<>();

	private final AtomicInteger addresses = new AtomicInteger();

	FakeResources(FakeCloud cloud) {
		this.cloud = cloud;
	}

	boolean handles(String path) {
		return KIND.matcher(path).matches() || RULES.matcher(path).matches();
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		String method = exchange.getRequestMethod();
		JsonNode token = this.cloud.claims(exchange.getRequestHeaders().getFirst("Authorization"));
		String tokenCustomer = FakeCloud.text(token, "cust");
		this.cloud.calls.add(new FakeCloud.Call(method, path + ((query != null) ? "?" + query : ""), tokenCustomer));
		Matcher m = KIND.matcher(path);
		boolean rules = !m.matches();
		if (rules) {
			m = RULES.matcher(path);
			m.matches();
		}
		String a = m.group(1);
		String c = m.group(2);
		if (token == null) {
			this.cloud.problem(exchange, 401, "TOKEN_MISSING");
			return;
		}
		if (!a.equals(FakeCloud.text(token, "acct")) || !c.equals(tokenCustomer)) {
			this.cloud.problem(exchange, 403, "CUSTOMER_FORBIDDEN");
			return;
		}
		String key = FakeUpstreams.key(a, c);
		if (this.cloud.unavailable.contains(key)) {
			this.cloud.problem(exchange, 503, "UNAVAILABLE");
			return;
		}
		if (rules) {
			if (!this.cloud.servers.getOrDefault(key, Map.of()).containsKey(m.group(3))) {
				this.cloud.problem(exchange, 404, "SERVER_NOT_FOUND");
				return;
			}
			collection(exchange, method, a, c, "servers/" + m.group(3) + "/firewall-rules", m.group(4), null);
		}
		else {
			collection(exchange, method, a, c, m.group(3), m.group(4), m.group(5));
		}
	}

	private void collection(HttpExchange exchange, String method, String a, String c, String kind, String id,
			String verb) throws IOException {
		String segment = kind.contains("/") ? "firewall-rules" : kind;
		Map<String, Map<String, Object>> mine = mine(a, c, kind);
		if (id == null && method.equals("GET")) {
			List<Map<String, Object>> live = new ArrayList<>();
			if (kind.equals("images")) {
				live.addAll(this.cloud.images.getOrDefault(FakeUpstreams.key(a, c), List.of()));
			}
			synchronized (mine) {
				mine.values().stream().filter((r) -> !"DELETED".equals(r.get("state"))).forEach(live::add);
			}
			respond(exchange, 200, Map.of(NAMES.get(segment)[0] + "s", live, "nextPageToken", ""));
			return;
		}
		Object[] refusal = this.cloud.refuseNext.remove(FakeUpstreams.key(a, c));
		if (refusal != null && !method.equals("GET")) {
			this.cloud.problem(exchange, (Integer) refusal[0], (String) refusal[1]);
			return;
		}
		JsonNode body = method.equals("GET") || method.equals("DELETE") ? null
				: this.json.readTree(exchange.getRequestBody());
		if (id == null) {
			create(exchange, a, c, kind, segment, body);
			return;
		}
		Map<String, Object> resource = mine.get(id);
		if (resource == null) {
			this.cloud.problem(exchange, 404, NAMES.get(segment)[1] + "_NOT_FOUND");
			return;
		}
		if (method.equals("GET") && verb == null) {
			respond(exchange, 200, resource);
			return;
		}
		String action = method.equals("DELETE") ? "delete" : method.equals("PATCH") ? "update" : verb;
		String refused = refusal(a, c, segment, resource, action, body);
		if (refused != null) {
			String[] parts = refused.split(" ");
			this.cloud.problem(exchange, Integer.parseInt(parts[0]), parts[1]);
			return;
		}
		if (action.equals("delete")) {
			resource.put("state", "DELETING");
		}
		Map<String, Object> input = new LinkedHashMap<>();
		if (body != null && body.has("server")) {
			input.put("server", FakeCloud.text(body, "server"));
		}
		if (body != null && body.has("members")) {
			input.put("members", this.json.treeToValue(body.get("members"), List.class));
		}
		String type = switch (action) {
			case "release" -> "RELEASE";
			default -> action.toUpperCase();
		} + "_" + NAMES.get(segment)[1];
		respond(exchange, 202, queue(a, c, type, resource, input));
	}

	/** Why the API refuses an action, as "status CODE", or null. */
	private String refusal(String a, String c, String segment, Map<String, Object> resource, String action,
			JsonNode body) {
		if (this.cloud.pending((String) resource.get("name"), a)) {
			return "409 RESOURCE_BUSY";
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> details = (Map<String, Object>) resource.get("details");
		// a firewall rule names its server too, but is not bound to it
		boolean bound = !segment.equals("firewall-rules") && details.get("server") != null;
		return switch (action) {
			case "delete" -> !bound ? null : segment.equals("disks") ? "409 DISK_ATTACHED" : "409 PUBLIC_IP_ASSIGNED";
			case "attach", "assign" ->
				bound ? (action.equals("attach") ? "409 DISK_ATTACHED" : "409 PUBLIC_IP_ASSIGNED")
						: serverOf(a, c, FakeCloud.text(body, "server")) ? null : "404 SERVER_NOT_FOUND";
			case "detach" -> bound ? null : "409 DISK_NOT_ATTACHED";
			case "release" -> bound ? null : "409 PUBLIC_IP_NOT_ASSIGNED";
			default -> null;
		};
	}

	private void create(HttpExchange exchange, String a, String c, String kind, String segment, JsonNode body)
			throws IOException {
		String customer = "accounts/" + a + "/customers/" + c;
		Map<String, Object> details = new ConcurrentHashMap<>();
		Integer sizeGb = null;
		String failure = null;
		if (segment.equals("firewall-rules")) {
			for (String field : List.of("direction", "protocol", "port", "cidr")) {
				details.put(field, (FakeCloud.text(body, field) != null) ? FakeCloud.text(body, field) : "ANY");
			}
			details.put("server", customer + "/" + kind.substring(0, kind.indexOf("/firewall-rules")));
		}
		else {
			String entitlement = FakeCloud.text(body, "entitlement");
			if (entitlement == null || !entitlement.startsWith(customer + "/entitlements/")) {
				this.cloud.problem(exchange, 404, "ENTITLEMENT_NOT_FOUND");
				return;
			}
			if (!SKUS.get(kind).equals(FakeCloud.text(body, "sku"))) {
				this.cloud.problem(exchange, 400, "SKU_NOT_" + NAMES.get(kind)[1]);
				return;
			}
			String source = FakeCloud.text(body, "source");
			switch (kind) {
				case "disks" -> {
					sizeGb = (body.get("sizeGb") != null) ? body.get("sizeGb").asInt() : 0;
					if (sizeGb < 1) {
						this.cloud.problem(exchange, 400, "VALIDATION_FAILED");
						return;
					}
					if (diskGb(a, c) + sizeGb > DISK_QUOTA_GB) {
						failure = "QUOTA_EXCEEDED";
					}
				}
				case "snapshots" -> {
					Map<String, Object> disk = (source != null && source.startsWith(customer + "/disks/"))
							? mine(a, c, "disks").get(source.substring(source.lastIndexOf('/') + 1)) : null;
					if (disk == null || !"ACTIVE".equals(disk.get("state"))) {
						this.cloud.problem(exchange, 404, "DISK_NOT_FOUND");
						return;
					}
					sizeGb = (Integer) disk.get("sizeGb");
					details.put("source", disk.get("id"));
				}
				case "images" -> {
					if (source == null || !serverOf(a, c, source)) {
						this.cloud.problem(exchange, 404, "SERVER_NOT_FOUND");
						return;
					}
					sizeGb = 50;
					details.put("source", source.substring(source.lastIndexOf('/') + 1));
				}
				case "public-ips" -> details.put("address", "203.0.113." + this.addresses.incrementAndGet());
				case "load-balancers" -> {
					details.put("ports", this.json.treeToValue(body.get("ports"), List.class));
					List<String> members = new ArrayList<>();
					for (JsonNode member : body.get("members")) {
						if (!serverOf(a, c, member.asString())) {
							this.cloud.problem(exchange, 404, "SERVER_NOT_FOUND");
							return;
						}
						members.add(member.asString().substring(member.asString().lastIndexOf('/') + 1));
					}
					details.put("members", members);
				}
				default -> {
				}
			}
		}
		String id = UUID.randomUUID().toString();
		String now = Instant.now().toString();
		Map<String, Object> resource = new ConcurrentHashMap<>();
		resource.put("name", customer + "/" + kind + "/" + id);
		resource.put("id", id);
		String displayName = FakeCloud.text(body, "displayName");
		resource.put("displayName", (displayName != null) ? displayName : NAMES.get(segment)[0]);
		resource.put("sku",
				segment.equals("firewall-rules") ? "products/firewall/skus/server-firewall" : SKUS.get(kind));
		resource.put("state", "PROVISIONING");
		resource.put("location", "kr-central-1");
		if (sizeGb != null) {
			resource.put("sizeGb", sizeGb);
		}
		resource.put("details", details);
		resource.put("createTime", now);
		resource.put("updateTime", now);
		mine(a, c, kind).put(id, resource);
		if (failure != null) {
			this.cloud.failNextJob.put(FakeUpstreams.key(a, c), failure);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("job", queue(a, c, "CREATE_" + NAMES.get(segment)[1], resource, Map.of()));
		answer.put(NAMES.get(segment)[0], resource);
		respond(exchange, 202, answer);
	}

	/** Ends a job of one of these kinds: the resource changes as the job says. */
	@SuppressWarnings("unchecked")
	static void complete(Map<String, Object> job, Map<String, Object> resource) {
		String type = (String) job.get("type");
		Map<String, Object> input = (Map<String, Object>) job.getOrDefault("_input", Map.of());
		Map<String, Object> details = (Map<String, Object>) resource.get("details");
		if (type.startsWith("CREATE_")) {
			resource.put("state", "ACTIVE");
		}
		else if (type.startsWith("DELETE_")) {
			resource.put("state", "DELETED");
		}
		else if (type.equals("ATTACH_DISK") || type.equals("ASSIGN_PUBLIC_IP")) {
			details.put("server", input.get("server"));
		}
		else if (type.equals("DETACH_DISK") || type.equals("RELEASE_PUBLIC_IP")) {
			details.remove("server");
		}
		else if (type.equals("UPDATE_LOAD_BALANCER") && input.get("members") instanceof List<?> members) {
			details.put("members",
					members.stream().map(Object::toString).map((m) -> m.substring(m.lastIndexOf('/') + 1)).toList());
		}
	}

	private Map<String, Object> queue(String a, String c, String type, Map<String, Object> resource,
			Map<String, Object> input) {
		Map<String, Object> job = this.cloud.queue(a, c, type, resource, Map.of());
		this.cloud.jobs.get(a).get((String) job.get("id")).put("_input", input);
		return job;
	}

	private boolean serverOf(String a, String c, String name) {
		if (name == null) {
			return false;
		}
		Map<String, Object> server = this.cloud.servers.getOrDefault(FakeUpstreams.key(a, c), Map.of())
			.get(name.substring(name.lastIndexOf('/') + 1));
		return server != null && name.startsWith("accounts/" + a + "/customers/" + c + "/servers/")
				&& List.of("RUNNING", "STOPPED").contains(server.get("state"));
	}

	private int diskGb(String a, String c) {
		return mine(a, c, "disks").values()
			.stream()
			.filter((d) -> !List.of("DELETED", "ERROR").contains(d.get("state")))
			.mapToInt((d) -> (Integer) d.get("sizeGb"))
			.sum();
	}

	Map<String, Map<String, Object>> mine(String a, String c, String kind) {
		return this.resources.computeIfAbsent(FakeUpstreams.key(a, c) + "/" + kind,
				(k) -> Collections.synchronizedMap(new LinkedHashMap<>()));
	}

	private void respond(HttpExchange exchange, int status, Object body) throws IOException {
		this.cloud.respond(exchange, status, body);
	}

}
