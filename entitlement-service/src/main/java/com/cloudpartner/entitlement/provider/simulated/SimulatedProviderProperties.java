package com.cloudpartner.entitlement.provider.simulated;

import java.time.Duration;
import java.util.List;

import com.cloudpartner.entitlement.provider.OsImage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.provider.simulated.*}: how slow and how strict the simulated cloud is.
 *
 * @param operationDelay time each operation takes
 * @param quotas per-customer limits
 * @param faults failures armed at start (also armed at run time via
 * {@code POST /v1/provider/faults})
 * @param osImages the public OS images it boots, listed by {@code GET /v1/os-images}; the
 * five of {@link #DEFAULT_OS_IMAGES} unless configured
 */
@ConfigurationProperties("platform.provider.simulated")
public record SimulatedProviderProperties(@DefaultValue("2s") Duration operationDelay, @DefaultValue Quotas quotas,
		List<Fault> faults, List<OsImage> osImages) {

	/** The images the console offered before the API listed them, so nothing changes. */
	public static final List<OsImage> DEFAULT_OS_IMAGES = List.of(
			new OsImage("ubuntu-24.04", "Ubuntu 24.04 LTS", "LINUX"),
			new OsImage("ubuntu-22.04", "Ubuntu 22.04 LTS", "LINUX"), new OsImage("rocky-9", "Rocky Linux 9", "LINUX"),
			new OsImage("debian-12", "Debian 12", "LINUX"),
			new OsImage("windows-server-2022", "Windows Server 2022", "WINDOWS"));

	public SimulatedProviderProperties {
		faults = (faults != null) ? List.copyOf(faults) : List.of();
		osImages = (osImages != null && !osImages.isEmpty()) ? List.copyOf(osImages) : DEFAULT_OS_IMAGES;
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
