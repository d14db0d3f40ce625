package com.cloudpartner.entitlement.resources;

import java.util.EnumSet;
import java.util.Set;

/** What a job does to a resource; its job type is {@code <verb>_<KIND>[_<suffix>]}. */
enum Action {

	CREATE("CREATE", "", EnumSet.allOf(ResourceKind.class)), DELETE("DELETE", "", EnumSet.allOf(ResourceKind.class)),
	RENAME("RENAME", "", EnumSet.complementOf(EnumSet.of(ResourceKind.FIREWALL_RULE))),
	START("START", "", EnumSet.of(ResourceKind.SERVER)), STOP("STOP", "", EnumSet.of(ResourceKind.SERVER)),
	REBOOT("REBOOT", "", EnumSet.of(ResourceKind.SERVER)), RESIZE("RESIZE", "", EnumSet.of(ResourceKind.SERVER)),
	RESET_PASSWORD("RESET", "_PASSWORD", EnumSet.of(ResourceKind.SERVER)),
	BLOCK_NETWORK("BLOCK", "_NETWORK", EnumSet.of(ResourceKind.SERVER, ResourceKind.LOAD_BALANCER)),
	UNBLOCK_NETWORK("UNBLOCK", "_NETWORK", EnumSet.of(ResourceKind.SERVER, ResourceKind.LOAD_BALANCER)),
	ATTACH("ATTACH", "", EnumSet.of(ResourceKind.DISK)), DETACH("DETACH", "", EnumSet.of(ResourceKind.DISK)),
	ASSIGN("ASSIGN", "", EnumSet.of(ResourceKind.PUBLIC_IP)),
	RELEASE("RELEASE", "", EnumSet.of(ResourceKind.PUBLIC_IP)),
	UPDATE("UPDATE", "", EnumSet.of(ResourceKind.LOAD_BALANCER));

	private final String verb;

	private final String suffix;

	private final Set<ResourceKind> kinds;

	Action(String verb, String suffix, Set<ResourceKind> kinds) {
		this.verb = verb;
		this.suffix = suffix;
		this.kinds = kinds;
	}

	/**
	 * The job type, also the simulated provider's operation name, for example
	 * {@code RESET_SERVER_PASSWORD}.
	 */
	String jobType(ResourceKind kind) {
		return this.verb + "_" + kind.name() + this.suffix;
	}

	boolean appliesTo(ResourceKind kind) {
		return this.kinds.contains(kind);
	}

}
