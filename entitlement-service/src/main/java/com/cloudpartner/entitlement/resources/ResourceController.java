package com.cloudpartner.entitlement.resources;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.config.ProblemDocument;
import com.cloudpartner.entitlement.provider.CloudProvider;
import com.cloudpartner.entitlement.provider.CloudProvider.MetricPoint;
import com.cloudpartner.entitlement.provider.ProviderException;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every kind of resource the same way: create (202 with the job and the PROVISIONING
 * resource), list, get, rename or reconfigure (PATCH) and delete (202 with the job). The
 * account's partner, an operator, or the console of exactly that customer may act.
 */
@ApiResponse(responseCode = "4XX", description = "Refused: see the problem's code",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
@RestController
@RequestMapping("/v1/accounts/{accountId}/customers/{customerId}")
@Tag(name = "Resources")
class ResourceController {

	static final String KINDS = "{kind:servers|disks|snapshots|images|public-ips|load-balancers|buckets}";

	private final ResourceManagement management;

	private final Resources resources;

	private final CloudProvider provider;

	ResourceController(ResourceManagement management, Resources resources, CloudProvider provider) {
		this.management = management;
		this.resources = resources;
		this.provider = provider;
	}

	@PostMapping("/" + KINDS)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Create a server, disk, snapshot, image, public IP, load balancer or bucket",
			description = "Answers 202 {job, <kind>} (a server's answer also holds initialPassword, shown once); "
					+ "the job finishes asynchronously and publishes job.completed.")
	Map<String, Object> create(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "server",
							value = """
									{"entitlement": "accounts/demo-account/customers/7c9e6679/entitlements/e6f5d4c3",
									 "sku": "products/server-basic/skus/basic-2vcpu-4gb", "image": "ubuntu-24.04", "displayName": "web-1"}
									"""),
					@ExampleObject(name = "disk",
							value = """
									{"entitlement": "e6f5d4c3", "sku": "products/ssd-disk/skus/ssd-gb", "sizeGb": 100, "displayName": "data"}
									"""),
					@ExampleObject(name = "load balancer",
							value = """
									{"entitlement": "e6f5d4c3", "sku": "products/load-balancer/skus/standard", "displayName": "front",
									 "ports": [{"port": 443, "protocol": "HTTPS", "targetPort": 8080}], "members": ["srv-id"]}
									""") })) @Valid @RequestBody ResourceRequest request) {
		ResourceAccess.requireWrite(token, accountId, customerId);
		return this.management.create(token.subject(), accountId, customerId, kind(kind), null, request,
				idempotencyKey);
	}

	@GetMapping("/" + KINDS)
	@Operation(summary = "List a customer's resources of a kind (deleted ones are left out)")
	Map<String, Object> list(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		Access.requireCustomer(token, accountId, customerId);
		return page(this.resources, accountId, customerId, kind(kind), null, pageSize, pageToken);
	}

	@GetMapping("/" + KINDS + "/{id}")
	@Operation(summary = "One resource")
	ResourceView get(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @PathVariable String id) {
		Access.requireCustomer(token, accountId, customerId);
		ResourceKind k = kind(kind);
		return this.resources.find(accountId, customerId, k, id)
			.map(ResourceView::of)
			.orElseThrow(() -> ResourceRules.notFound(k, accountId, customerId, id));
	}

	@PatchMapping("/" + KINDS + "/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rename a resource, or change a load balancer's ports, members and settings",
			description = "Answers 202 with the job.")
	Map<String, Object> update(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"displayName": "web-1-renamed"}
							"""))) @RequestBody Map<String, Object> body) {
		ResourceAccess.requireWrite(token, accountId, customerId);
		ResourceKind k = kind(kind);
		boolean reconfigure = k == ResourceKind.LOAD_BALANCER
				&& (body.containsKey("ports") || body.containsKey("members") || body.containsKey("settings"));
		return this.management.act(token.subject(), accountId, customerId, k, id,
				reconfigure ? Action.UPDATE : Action.RENAME, body);
	}

	@DeleteMapping("/" + KINDS + "/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Delete a resource",
			description = "Answers 202 with the job; the resource is DELETING " + "until the provider has deleted it.")
	Map<String, Object> delete(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @PathVariable String id) {
		ResourceAccess.requireWrite(token, accountId, customerId);
		return this.management.act(token.subject(), accountId, customerId, kind(kind), id, Action.DELETE, Map.of());
	}

	@GetMapping("/{kind:servers|load-balancers}/{id}/metrics")
	@Operation(summary = "Monitoring series of a server or load balancer",
			description = "metric = cpu, memory, disk (percent) or traffic (egress bytes); one point per hour, "
					+ "from defaults to 24 hours ago, to to now.")
	MetricSeries metrics(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String kind, @PathVariable String id, @RequestParam String metric,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		Access.requireCustomer(token, accountId, customerId);
		if (!List.of("cpu", "memory", "disk", "traffic").contains(metric)) {
			throw ApiProblem.invalidField("metric", "must be one of cpu, memory, disk, traffic");
		}
		ResourceKind k = kind(kind);
		Resource resource = this.resources.find(accountId, customerId, k, id)
			.filter(Resource::allocated)
			.orElseThrow(() -> ResourceRules.notFound(k, accountId, customerId, id));
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(Duration.ofHours(24));
		if (!start.isBefore(end) || Duration.between(start, end).toDays() > 31) {
			throw ApiProblem.invalidField("from", "must be before to and at most 31 days earlier");
		}
		try {
			return new MetricSeries(resource.name(), metric, this.provider.metrics(resource.id(), metric, start, end));
		}
		catch (ProviderException ex) {
			throw ApiProblem.conflict(ex.code(), ex.getMessage());
		}
	}

	/** {"servers": [...], "nextPageToken": ""}, the list named after the kind. */
	static Map<String, Object> page(Resources resources, String accountId, String customerId, ResourceKind kind,
			String parentId, Integer pageSize, String pageToken) {
		var page = resources.list(accountId, customerId, kind, parentId, PageRequest.of(pageSize, pageToken, 2));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(kind.field() + "s", page.items().stream().map(ResourceView::of).toList());
		body.put("nextPageToken", page.nextPageToken());
		return body;
	}

	static ResourceKind kind(String segment) {
		return ResourceKind.ofSegment(segment)
			.orElseThrow(() -> ApiProblem.notFound("NOT_FOUND", "There is no collection " + segment + "."));
	}

	/**
	 * A monitoring series.
	 *
	 * @param resource the resource's name
	 * @param metric cpu, memory, disk or traffic
	 * @param points one per hour
	 */
	record MetricSeries(String resource, String metric, List<MetricPoint> points) {
	}

}
