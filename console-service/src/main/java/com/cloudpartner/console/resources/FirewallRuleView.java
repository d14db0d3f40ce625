package com.cloudpartner.console.resources;

import java.time.ZoneId;

import com.cloudpartner.console.resources.CustomerResources.Resource;
import com.cloudpartner.console.web.Times;
import tools.jackson.databind.JsonNode;

/** A server's firewall rule as the console shows it. */
record FirewallRuleView(String id, String state, String direction, String protocol, String port, String cidr,
		String createTimeText) {

	static FirewallRuleView of(Resource rule, ZoneId zone) {
		return new FirewallRuleView(rule.id(), orEmpty(rule.state()), detail(rule, "direction"),
				detail(rule, "protocol"), detail(rule, "port"), detail(rule, "cidr"),
				Times.local(rule.createTime(), zone));
	}

	public boolean canDelete() {
		return "ACTIVE".equals(this.state) || "ERROR".equals(this.state);
	}

	private static String detail(Resource rule, String field) {
		JsonNode value = (rule.details() != null) ? rule.details().get(field) : null;
		return (value != null && !value.isNull()) ? value.asString() : "";
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
