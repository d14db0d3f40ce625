package com.cloudpartner.entitlement.provider.simulated;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator controls of the simulated cloud: arm failures, add traffic and object storage
 * activity, for tests and demos.
 */
@RestController
@RequestMapping("/v1/provider")
@Tag(name = "Simulated provider")
class FaultController {

	private final SimulatedFaults faults;

	private final SimulatedCloudProvider provider;

	FaultController(SimulatedFaults faults, SimulatedCloudProvider provider) {
		this.faults = faults;
		this.provider = provider;
	}

	@PostMapping("/faults")
	@Operation(summary = "Make the next calls of a provider operation fail (operator)")
	FaultRequest arm(VerifiedToken token, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(value = """
					{"operation": "CREATE_SERVER", "count": 1, "error": "CAPACITY_UNAVAILABLE"}
					"""))) @Valid @RequestBody FaultRequest request) {
		Access.requireOperator(token);
		this.faults.arm(request.operation(), request.count(), request.error(),
				"Simulated failure of " + request.operation() + ".");
		return request;
	}

	@PostMapping("/traffic")
	@Operation(summary = "Count egress bytes for a server or load balancer now (operator)")
	TrafficRequest traffic(VerifiedToken token, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(value = """
					{"resource": "4c1b8e84-5ece-4ef4-9f8f-0b6a5c7d8b66", "bytes": 5000000000}
					"""))) @Valid @RequestBody TrafficRequest request) {
		Access.requireOperator(token);
		this.provider.countEgress(request.resource(), request.bytes());
		return request;
	}

	@PostMapping("/storage")
	@Operation(summary = "Count object storage activity for a bucket now (operator)",
			description = "Bytes written are added to what the bucket holds, bytes deleted taken from it (409 "
					+ "BUCKET_HOLDS_LESS below zero); requests are counted now. What a bucket holds carries "
					+ "over into later hours; the hourly meter bills the most it held in each hour.")
	StorageCounted storage(VerifiedToken token, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(value = """
					{"resource": "4c1b8e84-5ece-4ef4-9f8f-0b6a5c7d8b66", "bytesWritten": 250000000000,
					 "bytesDeleted": 0, "requests": 12000}
					"""))) @Valid @RequestBody StorageRequest request) {
		Access.requireOperator(token);
		long stored = this.provider.countStorage(request.resource(), request.bytesWritten(), request.bytesDeleted(),
				request.requests());
		return new StorageCounted(request.resource(), stored);
	}

	record StorageRequest(@NotBlank @Size(max = 100) String resource,
			@PositiveOrZero @Max(1_000_000_000_000_000L) long bytesWritten,
			@PositiveOrZero @Max(1_000_000_000_000_000L) long bytesDeleted,
			@PositiveOrZero @Max(1_000_000_000_000L) long requests) {
	}

	/**
	 * What a bucket holds after the activity.
	 *
	 * @param resource the bucket's provider id
	 * @param storedBytes bytes it holds now
	 */
	record StorageCounted(String resource, long storedBytes) {
	}

	record FaultRequest(@NotBlank @Pattern(regexp = "[A-Z_]{1,64}") String operation, @Min(0) @Max(1000) int count,
			@NotBlank @Pattern(regexp = "[A-Z_]{1,64}") String error) {
	}

	record TrafficRequest(@NotBlank String resource, @PositiveOrZero long bytes) {
	}

}
