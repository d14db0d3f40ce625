package com.cloudpartner.entitlement.resources;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.ProblemResponses;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's resources across all its customers, for its own tools: the same views as
 * the per-customer lists, newest first. The account's partner (read-only is enough) or an
 * operator; never a console, which sees one customer only.
 */
@ProblemResponses
@RestController
@Tag(name = "Resources")
class AccountResourceController {

	private static final String KIND_VALUES = Arrays.stream(ResourceKind.values())
		.map(ResourceKind::segment)
		.collect(Collectors.joining(", "));

	private static final String STATE_VALUES = Arrays.stream(ResourceState.values())
		.map(Enum::name)
		.collect(Collectors.joining(", "));

	private final Resources resources;

	AccountResourceController(Resources resources) {
		this.resources = resources;
	}

	@GetMapping("/v1/accounts/{accountId}/resources")
	@Operation(summary = "The partner's resources across customers, newest first",
			description = "Filter by kind, customer (id or name) and state; without a state, deleted resources are "
					+ "left out, as in the per-customer lists. Each item is the view GET .../{kind}/{id} answers; its "
					+ "name tells the customer and the kind.")
	@ApiResponse(responseCode = "200", description = "A page of resources",
			content = @Content(schema = @Schema(implementation = ResourceList.class), examples = @ExampleObject(
					value = """
							{"resources": [
							  {"name": "accounts/demo-account/customers/7c9e6679/servers/0d1f2e3a", "id": "0d1f2e3a",
							   "displayName": "web-1", "entitlement": "accounts/demo-account/customers/7c9e6679/entitlements/e6f5d4c3",
							   "sku": "products/server-basic/skus/basic-2vcpu-4gb", "state": "RUNNING", "location": "kr-central-1",
							   "details": {"image": "ubuntu-24.04"}, "createTime": "2026-11-23T05:03:00Z",
							   "updateTime": "2026-11-23T05:03:05Z"}],
							 "nextPageToken": "MjAyNi0xMS0yM1QwNTowMzowMFofMGQxZjJlM2E"}
							""")))
	ResourceList list(VerifiedToken token, @PathVariable String accountId,
			@Parameter(description = "servers, disks, snapshots, images, public-ips, load-balancers, buckets or "
					+ "firewall-rules; all kinds when absent") @RequestParam(required = false) String kind,
			@Parameter(description = "a customer's id or name") @RequestParam(required = false) String customer,
			@Parameter(
					description = "PROVISIONING, RUNNING, STOPPED, ACTIVE, DELETING, DELETED or ERROR") @RequestParam(
							required = false) String state,
			@Parameter(description = "1 to 500, default 50") @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		var page = this.resources.listOfAccount(accountId, customerId(accountId, customer), kind(kind), state(state),
				PageRequest.of(pageSize, pageToken, 2));
		return new ResourceList(page.items().stream().map(ResourceView::of).toList(), page.nextPageToken());
	}

	private static ResourceKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		return ResourceKind.ofSegment(kind)
			.orElseThrow(() -> ApiProblem.invalidField("kind", "must be one of " + KIND_VALUES));
	}

	private static ResourceState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return ResourceState.valueOf(state);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("state", "must be one of " + STATE_VALUES);
		}
	}

	private static String customerId(String accountId, String customer) {
		if (customer == null || customer.isBlank()) {
			return null;
		}
		String prefix = "accounts/" + accountId + "/customers/";
		return customer.startsWith(prefix) ? customer.substring(prefix.length()) : customer;
	}

	/**
	 * A page of resources of any kind.
	 *
	 * @param resources the resources, newest first
	 * @param nextPageToken the next page's token, empty on the last
	 */
	record ResourceList(List<ResourceView> resources, String nextPageToken) {

	}

}
