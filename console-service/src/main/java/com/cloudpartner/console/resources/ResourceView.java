package com.cloudpartner.console.resources;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.resources.CustomerResources.Resource;
import com.cloudpartner.console.web.Ids;
import com.cloudpartner.console.web.Times;
import tools.jackson.databind.JsonNode;

/**
 * A resource as the console shows it, with what may be done to it in its state: only an
 * ACTIVE resource changes, an ACTIVE or ERROR one may be deleted
 * (docs/guides/resources.md).
 *
 * @param serverId the customer's server it is bound to (a disk attached, an IP assigned,
 * a snapshot's or image's source server), or null
 * @param members a load balancer's member server ids
 * @param facts the other kind-specific details the API answers, as text (a bucket's usage
 * among them)
 */
record ResourceView(String kind, String id, String displayName, String state, Integer sizeGb, String sku,
		String location, String serverId, List<String> members, List<Fact> facts, String createTime,
		String createTimeText, String updateTimeText) {

	static ResourceView of(ResourceKind kind, Resource resource, String customerName, ZoneId zone) {
		String serverId = null;
		List<String> members = new ArrayList<>();
		List<Fact> facts = new ArrayList<>();
		JsonNode details = resource.details();
		if (details != null && details.isObject()) {
			for (Map.Entry<String, JsonNode> entry : details.properties()) {
				String key = entry.getKey();
				JsonNode value = entry.getValue();
				if (key.equals("server") && value.isString()) {
					serverId = serverId(value.asString(), customerName);
				}
				else if (key.equals("members") && value.isArray()) {
					value.forEach((member) -> members.add(Ids.lastSegment(member.asString())));
				}
				else if (!value.isNull()) {
					facts.add(new Fact(key, value.isValueNode() ? value.asString() : value.toString()));
				}
			}
		}
		return new ResourceView(kind.segment(), resource.id(), orEmpty(resource.displayName()),
				orEmpty(resource.state()), resource.sizeGb(), orEmpty(resource.sku()), orEmpty(resource.location()),
				serverId, members, facts, orEmpty(resource.createTime()), Times.local(resource.createTime(), zone),
				Times.local(resource.updateTime(), zone));
	}

	private static String serverId(String name, String customerName) {
		String prefix = customerName + "/servers/";
		String id = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
		return Ids.valid(id) ? id : null;
	}

	public boolean active() {
		return "ACTIVE".equals(this.state);
	}

	public boolean canDelete() {
		return active() || "ERROR".equals(this.state);
	}

	public boolean canAttach() {
		return active() && "disks".equals(this.kind) && this.serverId == null;
	}

	public boolean canDetach() {
		return active() && "disks".equals(this.kind) && this.serverId != null;
	}

	public boolean canAssign() {
		return active() && "public-ips".equals(this.kind) && this.serverId == null;
	}

	public boolean canUnassign() {
		return active() && "public-ips".equals(this.kind) && this.serverId != null;
	}

	public boolean canChangeMembers() {
		return active() && "load-balancers".equals(this.kind);
	}

	/** A job is changing it: the page is worth reloading. */
	public boolean busy() {
		return "PROVISIONING".equals(this.state) || "DELETING".equals(this.state);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

	/** One detail of the resource, for example {@code address 203.0.113.7}. */
	record Fact(String key, String value) {

	}

}
