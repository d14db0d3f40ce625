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

import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator controls of the simulated cloud: arm failures and add traffic, for tests and
 * demos.
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
	@Operation(summary = "Count egress bytes for a server or load balancer in the current hour (operator)")
	TrafficRequest traffic(VerifiedToken token, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(examples = @ExampleObject(value = """
					{"resource": "4c1b8e84-5ece-4ef4-9f8f-0b6a5c7d8b66", "bytes": 5000000000}
					"""))) @Valid @RequestBody TrafficRequest request) {
		Access.requireOperator(token);
		this.provider.countEgress(request.resource(), request.bytes());
		return request;
	}

	record FaultRequest(@NotBlank @Pattern(regexp = "[A-Z_]{1,64}") String operation, @Min(0) @Max(1000) int count,
			@NotBlank @Pattern(regexp = "[A-Z_]{1,64}") String error) {
	}

	record TrafficRequest(@NotBlank String resource, @PositiveOrZero long bytes) {
	}

}
