package com.cloudpartner.entitlement.resources;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.cloudpartner.entitlement.config.ProblemDocument;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verbs of particular kinds: power and spec of servers, disk attachment, public IP
 * assignment, network blocks, and the firewall rules bound to one server. Each answers
 * 202 with the job.
 */
@ApiResponse(responseCode = "4XX", description = "Refused: see the problem's code",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
@RestController
@RequestMapping("/v1/accounts/{accountId}/customers/{customerId}")
@Tag(name = "Resources")
class ResourceActionController {

	private final ResourceManagement management;

	private final Resources resources;

	ResourceActionController(ResourceManagement management, Resources resources) {
		this.management = management;
		this.resources = resources;
	}

	@PostMapping("/servers/{id}/{verb:start|stop|reboot|reset-password}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start, stop, reboot a server or reset its password",
			description = "reset-password's answer also holds the new password, shown once.")
	Map<String, Object> power(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String id, @PathVariable String verb) {
		Action action = switch (verb) {
			case "start" -> Action.START;
			case "stop" -> Action.STOP;
			case "reboot" -> Action.REBOOT;
			default -> Action.RESET_PASSWORD;
		};
		return act(token, accountId, customerId, ResourceKind.SERVER, id, action, Map.of());
	}

	@PostMapping("/servers/{id}/resize")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Change a stopped server's spec to another server SKU")
	Map<String, Object> resize(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"sku": "products/server-basic/skus/basic-4vcpu-8gb"}
							"""))) @RequestBody Map<String, Object> body) {
		return act(token, accountId, customerId, ResourceKind.SERVER, id, Action.RESIZE, body);
	}

	@PostMapping("/{kind:servers|load-balancers}/{id}/{verb:block-network|unblock-network}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Block or unblock all network traffic of a server or load balancer")
	Map<String, Object> network(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @PathVariable String id, @PathVariable String verb) {
		return act(token, accountId, customerId, ResourceController.kind(kind), id,
				verb.startsWith("block") ? Action.BLOCK_NETWORK : Action.UNBLOCK_NETWORK, Map.of());
	}

	@PostMapping("/disks/{id}/{verb:attach|detach}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Attach a disk to a server ({server}) or detach it")
	Map<String, Object> disk(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String id, @PathVariable String verb, @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"server": "accounts/demo-account/customers/7c9e6679/servers/4c1b8e84"}
							"""))) @RequestBody(required = false) Map<String, Object> body) {
		return act(token, accountId, customerId, ResourceKind.DISK, id,
				verb.equals("attach") ? Action.ATTACH : Action.DETACH, (body != null) ? body : Map.of());
	}

	@PostMapping("/public-ips/{id}/{verb:assign|release}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Assign a public IP to a server ({server}) or release it")
	Map<String, Object> publicIp(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String id, @PathVariable String verb,
			@RequestBody(required = false) Map<String, Object> body) {
		return act(token, accountId, customerId, ResourceKind.PUBLIC_IP, id,
				verb.equals("assign") ? Action.ASSIGN : Action.RELEASE, (body != null) ? body : Map.of());
	}

	@PostMapping("/servers/{serverId}/firewall-rules")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Add a firewall rule to a server (free; billed under the server's entitlement)")
	Map<String, Object> addRule(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String serverId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"direction": "INBOUND", "protocol": "TCP", "port": "22", "cidr": "203.0.113.0/24"}
							"""))) @Valid @RequestBody ResourceRequest request) {
		ResourceAccess.requireWrite(token, accountId, customerId);
		return this.management.create(token.subject(), accountId, customerId, ResourceKind.FIREWALL_RULE, serverId,
				request, idempotencyKey);
	}

	@GetMapping("/servers/{serverId}/firewall-rules")
	@Operation(summary = "A server's firewall rules")
	Map<String, Object> rules(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String serverId, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		Access.requireCustomer(token, accountId, customerId);
		// a server of another customer (or account) is not there, not an empty list
		this.resources.find(accountId, customerId, ResourceKind.SERVER, serverId)
			.orElseThrow(() -> ResourceRules.notFound(ResourceKind.SERVER, accountId, customerId, serverId));
		return ResourceController.page(this.resources, accountId, customerId, ResourceKind.FIREWALL_RULE, serverId,
				pageSize, pageToken);
	}

	@GetMapping("/servers/{serverId}/firewall-rules/{id}")
	@Operation(summary = "One firewall rule")
	ResourceView rule(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String serverId, @PathVariable String id) {
		Access.requireCustomer(token, accountId, customerId);
		return this.resources.find(accountId, customerId, ResourceKind.FIREWALL_RULE, id)
			.filter((r) -> serverId.equals(r.parentId()))
			.map(ResourceView::of)
			.orElseThrow(() -> ruleNotFound(accountId, customerId, serverId, id));
	}

	@DeleteMapping("/servers/{serverId}/firewall-rules/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Remove a firewall rule")
	Map<String, Object> removeRule(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String serverId, @PathVariable String id) {
		ResourceAccess.requireWrite(token, accountId, customerId);
		this.resources.find(accountId, customerId, ResourceKind.FIREWALL_RULE, id)
			.filter((r) -> serverId.equals(r.parentId()))
			.orElseThrow(() -> ruleNotFound(accountId, customerId, serverId, id));
		return this.management.act(token.subject(), accountId, customerId, ResourceKind.FIREWALL_RULE, id,
				Action.DELETE, Map.of());
	}

	private Map<String, Object> act(VerifiedToken token, String accountId, String customerId, ResourceKind kind,
			String id, Action action, Map<String, Object> input) {
		ResourceAccess.requireWrite(token, accountId, customerId);
		return this.management.act(token.subject(), accountId, customerId, kind, id, action, input);
	}

	private static ApiProblem ruleNotFound(String accountId, String customerId, String serverId, String id) {
		return ApiProblem.notFound("FIREWALL_RULE_NOT_FOUND", "There is no accounts/" + accountId + "/customers/"
				+ customerId + "/servers/" + serverId + "/firewall-rules/" + id + ".");
	}

}
