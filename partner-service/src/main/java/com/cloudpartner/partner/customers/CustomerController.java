package com.cloudpartner.partner.customers;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.partner.idempotency.IdempotentRequests;
import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/accounts/{accountId}/customers")
@Tag(name = "Customers")
class CustomerController {

	private static final String DOMAIN = "^$|^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";

	private final CustomerManagement customers;

	CustomerController(CustomerManagement customers) {
		this.customers = customers;
	}

	@PostMapping
	@Operation(summary = "Register a customer (end user)",
			description = "userId is unique per partner. Accepts Idempotency-Key.")
	ResponseEntity<CustomerResponse> create(VerifiedToken token, @PathVariable String accountId, @Parameter(
			description = "repeat a request safely: the same key and body give the first response") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			@Valid @RequestBody CreateRequest request) {
		Access.requireAccount(token, accountId);
		Customer customer = this.customers.create(accountId, request.toCommand(), idempotencyKey);
		return ResponseEntity.created(URI.create("/v1/" + customer.name())).body(CustomerResponse.of(customer));
	}

	@GetMapping
	@Operation(summary = "List the partner's customers")
	CustomerList list(VerifiedToken token, @PathVariable String accountId,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		PageRequest.Page<CustomerResponse> page = this.customers.list(accountId, PageRequest.of(pageSize, pageToken))
			.map(CustomerResponse::of);
		return new CustomerList(page.items(), page.nextPageToken());
	}

	@GetMapping("/{customerId}")
	@Operation(summary = "A customer")
	CustomerResponse get(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId) {
		Access.requireAccountRead(token, accountId);
		return CustomerResponse.of(this.customers.require(accountId, customerId));
	}

	@PatchMapping("/{customerId}")
	@Operation(summary = "Change a customer",
			description = "Absent fields stay as they are; an empty string clears email, correlationId or domain.")
	CustomerResponse patch(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@Valid @RequestBody PatchRequest request) {
		Access.requireAccount(token, accountId);
		return CustomerResponse.of(this.customers.update(accountId, customerId, new CustomerManagement.CustomerChanges(
				request.displayName(), request.email(), request.correlationId(), request.domain())));
	}

	@DeleteMapping("/{customerId}")
	@Operation(summary = "Delete a customer",
			description = "409 RESOURCES_STILL_ACTIVE while the customer holds an active entitlement.")
	ResponseEntity<Void> delete(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId) {
		Access.requireAccount(token, accountId);
		this.customers.delete(accountId, customerId);
		return ResponseEntity.noContent().build();
	}

	@Schema(name = "CreateCustomerRequest", example = """
			{"userId": "alice01", "displayName": "Alice Kim", "email": "alice@example.com",
			 "correlationId": "crm-1001", "domain": "alice.example.com"}
			""")
	record CreateRequest(
			@NotNull @ValidUserId @Schema(description = "3-16 letters, digits or underscores; unique per partner",
					example = "alice01") String userId,
			@NotBlank @Size(max = 100) String displayName, @Email @Size(max = 254) String email,
			@Size(max = 100) String correlationId,
			@Pattern(regexp = DOMAIN, message = "must be a domain name like example.com") String domain) {

		CustomerManagement.NewCustomer toCommand() {
			return new CustomerManagement.NewCustomer(this.userId, this.displayName, this.email, this.correlationId,
					this.domain);
		}

	}

	@Schema(name = "PatchCustomerRequest", example = """
			{"displayName": "Alice Kim-Park", "email": "alice.park@example.com"}
			""")
	record PatchRequest(
			@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
			@Email @Size(max = 254) String email, @Size(max = 100) String correlationId,
			@Pattern(regexp = DOMAIN, message = "must be a domain name like example.com") String domain) {
	}

	record CustomerResponse(String name, String id, String userId, String displayName, String email,
			String correlationId, String domain, Instant createTime, Instant updateTime) {

		static CustomerResponse of(Customer customer) {
			return new CustomerResponse(customer.name(), customer.id().toString(), customer.userId(),
					customer.displayName(), customer.email(), customer.correlationId(), customer.domain(),
					customer.createTime(), customer.updateTime());
		}

	}

	record CustomerList(List<CustomerResponse> customers, String nextPageToken) {
	}

}
