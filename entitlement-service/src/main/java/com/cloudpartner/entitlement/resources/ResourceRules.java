package com.cloudpartner.entitlement.resources;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cloudpartner.entitlement.entitlement.IaasEntitlement;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Component;

/** What may be created and what may be done to a resource in which state. */
@Component
class ResourceRules {

	private static final Set<ResourceState> SERVER_READY = EnumSet.of(ResourceState.RUNNING, ResourceState.STOPPED);

	private final Resources resources;

	private final IaasEntitlements entitlements;

	private final ResourcesProperties properties;

	ResourceRules(Resources resources, IaasEntitlements entitlements, ResourcesProperties properties) {
		this.resources = resources;
		this.entitlements = entitlements;
		this.properties = properties;
	}

	/** A checked create request. */
	record Draft(String entitlementId, String sku, String displayName, Integer sizeGb, Map<String, Object> attributes) {
	}

	Draft draft(String accountId, String customerId, ResourceKind kind, String serverId, ResourceRequest request) {
		Map<String, Object> attributes = new HashMap<>();
		String displayName = (request.displayName() != null && !request.displayName().isBlank())
				? request.displayName().strip() : null;
		if (kind == ResourceKind.FIREWALL_RULE) {
			Resource server = readyServer(accountId, customerId, serverId);
			this.entitlements.require(accountId, customerId, server.entitlementId());
			attributes.put("direction", orDefault(request.direction(), "INBOUND"));
			attributes.put("protocol", orDefault(request.protocol(), "TCP"));
			attributes.put("port", orDefault(request.port(), "ANY"));
			attributes.put("cidr", orDefault(request.cidr(), "0.0.0.0/0"));
			return new Draft(server.entitlementId(), this.properties.firewallSku(),
					orDefault(displayName, attributes.get("protocol") + " " + attributes.get("port")), null,
					attributes);
		}
		if (request.entitlement() == null || request.entitlement().isBlank()) {
			throw ApiProblem.invalidField("entitlement", "must name the customer's IAAS entitlement");
		}
		IaasEntitlement entitlement = this.entitlements.require(accountId, customerId, request.entitlement());
		if (request.sku() == null || !this.properties.skusOf(kind).contains(request.sku())) {
			throw ApiProblem.badRequest("SKU_NOT_" + kind.name(), "SKU " + request.sku() + " cannot be used for "
					+ kind.segment() + "; use one of " + this.properties.skusOf(kind) + ".");
		}
		Integer sizeGb = null;
		switch (kind) {
			case SERVER -> {
				if (request.image() == null || request.image().isBlank()) {
					throw ApiProblem.invalidField("image", "must name the image to install");
				}
				attributes.put("image", request.image());
			}
			case DISK -> {
				if (request.sizeGb() == null || request.sizeGb() > this.properties.maxDiskGb()) {
					throw ApiProblem.invalidField("sizeGb", "must be between 1 and " + this.properties.maxDiskGb());
				}
				sizeGb = request.sizeGb();
			}
			case SNAPSHOT -> {
				// a snapshot copies a disk, or a server's boot disk
				String source = required(request.source(), "source");
				boolean ofServer = source.contains("/servers/")
						|| this.resources.find(accountId, customerId, ResourceKind.SERVER, source).isPresent();
				Resource copied = ofServer ? readyServer(accountId, customerId, source)
						: live(accountId, customerId, ResourceKind.DISK, source);
				attributes.put("source", copied.id());
				sizeGb = ofServer ? this.properties.bootDiskGb() : copied.sizeGb();
			}
			case IMAGE -> {
				Resource server = readyServer(accountId, customerId, required(request.source(), "source"));
				attributes.put("source", server.id());
				sizeGb = this.properties.bootDiskGb();
			}
			case LOAD_BALANCER -> attributes
				.putAll(loadBalancer(accountId, customerId, request.ports(), request.members(), request.settings()));
			default -> {
			}
		}
		return new Draft(entitlement.entitlementId(), request.sku(), orDefault(displayName, kind.field()), sizeGb,
				attributes);
	}

	/** Checks an action on a locked resource; answers the job's inputs. */
	Map<String, Object> check(Resource resource, Action action, Map<String, Object> input) {
		if (!action.appliesTo(resource.kind())) {
			throw ApiProblem.badRequest("ACTION_NOT_SUPPORTED", action + " does not apply to " + resource.name() + ".");
		}
		switch (resource.state()) {
			case DELETED -> throw ApiProblem.conflict("RESOURCE_DELETED", resource.name() + " is deleted.");
			case PROVISIONING, DELETING -> throw ApiProblem.conflict("RESOURCE_BUSY",
					resource.name() + " is " + resource.state() + "; retry when its job has finished.");
			case ERROR -> {
				if (action != Action.DELETE) {
					throw ApiProblem.conflict("RESOURCE_IN_ERROR",
							resource.name() + " failed to be created; it can only be deleted.");
				}
			}
			default -> {
			}
		}
		String accountId = resource.accountId();
		String customerId = resource.customerId();
		Map<String, Object> payload = new HashMap<>();
		switch (action) {
			case START -> requireState(resource, ResourceState.STOPPED, "SERVER_NOT_STOPPED");
			case STOP, REBOOT -> requireState(resource, ResourceState.RUNNING, "SERVER_NOT_RUNNING");
			case RESIZE -> {
				Object sku = input.get("sku");
				if (sku == null || !this.properties.skusOf(ResourceKind.SERVER).contains(sku.toString())) {
					throw ApiProblem.badRequest("SKU_NOT_SERVER", "SKU " + sku + " is not a server SKU; use one of "
							+ this.properties.skusOf(ResourceKind.SERVER) + ".");
				}
				requireState(resource, ResourceState.STOPPED, "SERVER_NOT_STOPPED");
				payload.put("sku", sku.toString());
			}
			case RENAME -> {
				Object name = input.get("displayName");
				if (name == null || name.toString().isBlank() || name.toString().length() > 100) {
					throw ApiProblem.invalidField("displayName", "must be 1 to 100 characters");
				}
				payload.put("displayName", name.toString().strip());
			}
			case ATTACH, ASSIGN -> {
				if (resource.attribute("server") != null) {
					throw ApiProblem.conflict(busyCode(resource),
							resource.name() + " is already bound to server " + resource.attribute("server") + ".");
				}
				Object server = input.get("server");
				payload.put("server", readyServer(accountId, customerId, required(server, "server")).id());
			}
			case DETACH, RELEASE -> {
				if (resource.attribute("server") == null) {
					throw ApiProblem.conflict(
							(action == Action.DETACH) ? "DISK_NOT_ATTACHED" : "PUBLIC_IP_NOT_ASSIGNED",
							resource.name() + " is not bound to a server.");
				}
			}
			case UPDATE -> payload.putAll(loadBalancer(accountId, customerId, ports(input.get("ports")),
					strings(input.get("members")), settings(input.get("settings"))));
			case DELETE -> checkDelete(resource);
			default -> {
			}
		}
		return payload;
	}

	private void checkDelete(Resource resource) {
		if (resource.kind() == ResourceKind.DISK && resource.attribute("server") != null) {
			throw ApiProblem.conflict("DISK_ATTACHED", resource.name() + " is attached; detach it first.");
		}
		if (resource.kind() == ResourceKind.PUBLIC_IP && resource.attribute("server") != null) {
			throw ApiProblem.conflict("PUBLIC_IP_ASSIGNED", resource.name() + " is assigned; release it first.");
		}
		if (resource.kind() == ResourceKind.SERVER) {
			boolean disks = this.resources.boundTo(resource.id())
				.stream()
				.anyMatch((r) -> r.kind() == ResourceKind.DISK);
			if (disks) {
				throw ApiProblem.conflict("DISK_ATTACHED",
						resource.name() + " has disks attached; detach them before deleting the server.");
			}
		}
	}

	private static String busyCode(Resource resource) {
		return (resource.kind() == ResourceKind.DISK) ? "DISK_ATTACHED" : "PUBLIC_IP_ASSIGNED";
	}

	private Map<String, Object> loadBalancer(String accountId, String customerId, List<ResourceRequest.Port> ports,
			List<String> members, Map<String, String> settings) {
		List<Map<String, Object>> listeners = new ArrayList<>();
		for (ResourceRequest.Port port : (ports != null) ? ports : List.<ResourceRequest.Port>of()) {
			listeners.add(Map.of("port", port.port(), "protocol", orDefault(port.protocol(), "TCP"), "targetPort",
					port.targetPort()));
		}
		List<String> memberIds = new ArrayList<>();
		for (String member : (members != null) ? members : List.<String>of()) {
			memberIds.add(readyServer(accountId, customerId, member).id());
		}
		Map<String, Object> result = new HashMap<>();
		result.put("ports", listeners);
		result.put("members", memberIds);
		result.put("settings", (settings != null) ? settings : Map.of("algorithm", "ROUND_ROBIN"));
		return result;
	}

	private List<ResourceRequest.Port> ports(Object value) {
		if (value == null) {
			return null;
		}
		List<ResourceRequest.Port> ports = new ArrayList<>();
		if (!(value instanceof List<?> list)) {
			throw ApiProblem.invalidField("ports", "must be a list of {port, protocol, targetPort}");
		}
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> map) || !(map.get("port") instanceof Integer port)
					|| !(map.get("targetPort") instanceof Integer target) || port < 1 || port > 65535 || target < 1
					|| target > 65535) {
				throw ApiProblem.invalidField("ports",
						"must be a list of {port, protocol, targetPort} with ports 1-65535");
			}
			Object protocol = map.get("protocol");
			if (protocol != null && !List.of("TCP", "HTTP", "HTTPS").contains(protocol)) {
				throw ApiProblem.invalidField("ports", "protocol must be TCP, HTTP or HTTPS");
			}
			ports.add(new ResourceRequest.Port(port, (protocol != null) ? protocol.toString() : null, target));
		}
		return ports;
	}

	private static List<String> strings(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list) || list.stream().anyMatch((v) -> !(v instanceof String))) {
			throw ApiProblem.invalidField("members", "must be a list of server names");
		}
		return list.stream().map(Object::toString).toList();
	}

	private static Map<String, String> settings(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw ApiProblem.invalidField("settings", "must be an object of strings");
		}
		Map<String, String> settings = new HashMap<>();
		map.forEach((k, v) -> settings.put(k.toString(), String.valueOf(v)));
		return settings;
	}

	private Resource readyServer(String accountId, String customerId, String reference) {
		Resource server = live(accountId, customerId, ResourceKind.SERVER, reference);
		if (!SERVER_READY.contains(server.state())) {
			throw ApiProblem.conflict("SERVER_NOT_READY", server.name() + " is " + server.state() + ".");
		}
		return server;
	}

	private Resource live(String accountId, String customerId, ResourceKind kind, String reference) {
		String prefix = "accounts/" + accountId + "/customers/" + customerId + "/" + kind.segment() + "/";
		String id = reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
		Resource resource = this.resources.find(accountId, customerId, kind, id)
			.filter((r) -> r.state() != ResourceState.DELETED)
			.orElseThrow(() -> notFound(kind, accountId, customerId, id));
		if (resource.state() == ResourceState.ERROR || resource.state() == ResourceState.PROVISIONING) {
			throw ApiProblem.conflict(kind.name() + "_NOT_READY", resource.name() + " is " + resource.state() + ".");
		}
		return resource;
	}

	private static void requireState(Resource resource, ResourceState state, String code) {
		if (resource.state() != state) {
			throw ApiProblem.conflict(code, resource.name() + " is " + resource.state() + ", not " + state + ".");
		}
	}

	private static String required(Object value, String field) {
		if (value == null || value.toString().isBlank()) {
			throw ApiProblem.invalidField(field, "is required");
		}
		return value.toString();
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	static ApiProblem notFound(ResourceKind kind, String accountId, String customerId, String id) {
		return ApiProblem.notFound(kind.name() + "_NOT_FOUND", "There is no accounts/" + accountId + "/customers/"
				+ customerId + "/" + kind.segment() + "/" + id + ".");
	}

}
