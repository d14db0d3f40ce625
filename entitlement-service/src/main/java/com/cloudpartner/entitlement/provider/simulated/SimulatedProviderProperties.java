package com.cloudpartner.entitlement.provider.simulated;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.provider.simulated.*}: how slow and how strict the simulated cloud is.
 *
 * @param operationDelay time each operation takes
 * @param quotas per-customer limits
 * @param faults failures armed at start (also armed at run time via
 * {@code POST /v1/provider/faults})
 */
@ConfigurationProperties("platform.provider.simulated")
public record SimulatedProviderProperties(@DefaultValue("2s") Duration operationDelay, @DefaultValue Quotas quotas,
		List<Fault> faults) {

	public SimulatedProviderProperties {
		faults = (faults != null) ? List.copyOf(faults) : List.of();
	}

	/**
	 * Limits per customer (the owner the platform creates resources for).
	 *
	 * @param serversPerCustomer servers not deleted
	 * @param diskGbPerCustomer total size of disks not deleted
	 */
	public record Quotas(@DefaultValue("10") int serversPerCustomer, @DefaultValue("2000") int diskGbPerCustomer) {
	}

	/**
	 * A failure to inject.
	 *
	 * @param operation the operation, for example {@code CREATE_SERVER}
	 * @param count how many of the next calls fail
	 * @param error the error code they fail with
	 */
	public record Fault(String operation, int count, String error) {
	}

}
