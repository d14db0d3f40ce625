package com.cloudpartner.console.servers;

import java.time.ZoneId;
import java.util.Set;

import com.cloudpartner.console.servers.CustomerServers.Server;
import com.cloudpartner.console.web.Times;

/**
 * A server as the console shows it, with what may be done to it in its state
 * (docs/guides/resources.md: start and resize need STOPPED, stop and reboot RUNNING; a
 * server in ERROR can only be deleted).
 */
record ServerView(String id, String name, String displayName, String state, String sku, String skuName, String image,
		String location, String entitlement, String createTime, String createTimeText, String updateTimeText) {

	private static final Set<String> DELETABLE = Set.of("RUNNING", "STOPPED", "ERROR");

	static ServerView of(Server server, String skuDisplayName, ZoneId zone) {
		String sku = (server.sku() != null) ? server.sku() : "";
		return new ServerView(server.id(), server.name(), orEmpty(server.displayName()), orEmpty(server.state()), sku,
				(skuDisplayName != null) ? skuDisplayName : sku, orEmpty(server.detail("image")),
				orEmpty(server.location()), orEmpty(server.entitlement()), orEmpty(server.createTime()),
				Times.local(server.createTime(), zone), Times.local(server.updateTime(), zone));
	}

	public boolean canStart() {
		return "STOPPED".equals(this.state);
	}

	public boolean canStop() {
		return "RUNNING".equals(this.state);
	}

	public boolean canReboot() {
		return "RUNNING".equals(this.state);
	}

	public boolean canResize() {
		return "STOPPED".equals(this.state);
	}

	public boolean canResetPassword() {
		return "RUNNING".equals(this.state) || "STOPPED".equals(this.state);
	}

	public boolean canDelete() {
		return DELETABLE.contains(this.state);
	}

	/** A job is changing it: the page is worth reloading. */
	public boolean busy() {
		return "PROVISIONING".equals(this.state) || "DELETING".equals(this.state);
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
