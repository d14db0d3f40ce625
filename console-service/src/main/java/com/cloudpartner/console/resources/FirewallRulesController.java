package com.cloudpartner.console.resources;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.web.ApiErrors;
import com.cloudpartner.console.web.ConsoleUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The firewall rules of one of the customer's servers: the page that lists them with the
 * form that adds one, and the forms that add and delete a rule (each a job).
 */
@Controller
@RequestMapping(path = "/console/servers/{serverId}/firewall-rules", produces = MediaType.TEXT_HTML_VALUE)
@ApiResponse(responseCode = "200", description = "The page")
@ApiResponse(responseCode = "303", description = "To the job's page, or back to the page with the refusal")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "403", description = "The form did not carry the session's CSRF token (_csrf)")
@ApiResponse(responseCode = "404", description = "Not a server of the session's customer")
class FirewallRulesController {

	private static final Pattern DIRECTION = Pattern.compile("INBOUND|OUTBOUND");

	private static final Pattern PROTOCOL = Pattern.compile("TCP|UDP|ICMP|ANY");

	private static final Pattern PORT = Pattern.compile("\\d{1,5}(-\\d{1,5})?");

	private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]{2,39}/\\d{1,3}");

	private final CustomerResources resources;

	private final FormOutcomes outcomes;

	private final ApiErrors errors;

	private final ConsoleProperties properties;

	FirewallRulesController(CustomerResources resources, FormOutcomes outcomes, ApiErrors errors,
			ConsoleProperties properties) {
		this.resources = resources;
		this.outcomes = outcomes;
		this.errors = errors;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "A server's firewall rules, with the form that adds one",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView rules(ConsoleUser user, @PathVariable String serverId) {
		FormOutcomes.requireId(serverId);
		ZoneId zone = this.properties.timeZone();
		CustomerResources.Resource server = this.resources.server(user, serverId);
		ModelAndView view = user.page("console/resources/firewall", HttpStatus.OK);
		view.addObject("serverId", serverId);
		view.addObject("serverName", (server.displayName() != null) ? server.displayName() : serverId);
		view.addObject("rules",
				this.resources.firewallRules(user, serverId)
					.stream()
					.map((rule) -> FirewallRuleView.of(rule, zone))
					.toList());
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@PostMapping
	@Operation(summary = "Add a firewall rule to a server (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView add(ConsoleUser user, @PathVariable String serverId, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String protocol, @RequestParam(required = false) String port,
			@RequestParam(required = false) String cidr) {
		FormOutcomes.requireId(serverId);
		String back = "/console/servers/" + serverId + "/firewall-rules";
		String ports = (port == null || port.isBlank()) ? null : port.strip();
		if (direction == null || !DIRECTION.matcher(direction).matches() || protocol == null
				|| !PROTOCOL.matcher(protocol).matches() || (ports != null && !PORT.matcher(ports).matches())
				|| cidr == null || !CIDR.matcher(cidr.strip()).matches()) {
			return this.outcomes.incomplete(user, back);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("direction", direction);
		body.put("protocol", protocol);
		if (ports != null) {
			body.put("port", ports);
		}
		body.put("cidr", cidr.strip());
		return this.outcomes.run(user, back, () -> this.resources.addFirewallRule(user, serverId, body));
	}

	@PostMapping("/{ruleId}/delete")
	@Operation(summary = "Delete a firewall rule of a server (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView delete(ConsoleUser user, @PathVariable String serverId, @PathVariable String ruleId) {
		FormOutcomes.requireId(serverId);
		FormOutcomes.requireId(ruleId);
		return this.outcomes.run(user, "/console/servers/" + serverId + "/firewall-rules",
				() -> this.resources.deleteFirewallRule(user, serverId, ruleId));
	}

}
