package com.cloudpartner.entitlement.resources;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of IaaS resources, with the path segment that names them. */
public enum ResourceKind {

	SERVER("servers", "server"), DISK("disks", "disk"), SNAPSHOT("snapshots", "snapshot"), IMAGE("images", "image"),
	PUBLIC_IP("public-ips", "publicIp"), LOAD_BALANCER("load-balancers", "loadBalancer"), BUCKET("buckets", "bucket"),
	FIREWALL_RULE("firewall-rules", "firewallRule");

	private final String segment;

	private final String field;

	ResourceKind(String segment, String field) {
		this.segment = segment;
		this.field = field;
	}

	/** The collection in paths and names, for example {@code public-ips}. */
	public String segment() {
		return this.segment;
	}

	/**
	 * The response field holding one resource of this kind, for example {@code publicIp}.
	 */
	public String field() {
		return this.field;
	}

	public static Optional<ResourceKind> ofSegment(String segment) {
		return Arrays.stream(values()).filter((k) -> k.segment.equals(segment)).findFirst();
	}

}
