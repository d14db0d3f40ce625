package com.cloudpartner.entitlement.resources;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to create a resource; which fields matter depends on the kind.
 *
 * @param entitlement the IAAS entitlement (name or id); firewall rules take their
 * server's
 * @param sku the SKU's resource name (servers, disks, ...)
 * @param displayName the customer's label
 * @param image the OS image of a server (a name such as {@code ubuntu-24.04} or one of
 * the customer's images)
 * @param sizeGb a disk's size
 * @param source the disk (snapshots) or server (images) to copy, by name or id
 * @param ports a load balancer's listeners
 * @param members a load balancer's servers, by name or id
 * @param settings a load balancer's settings, for example {@code algorithm}
 * @param direction a firewall rule's direction: INBOUND or OUTBOUND
 * @param protocol a firewall rule's protocol: TCP, UDP, ICMP or ANY
 * @param port a firewall rule's port or range, for example {@code 22} or
 * {@code 8000-8080}
 * @param cidr a firewall rule's remote address range
 */
public record ResourceRequest(@Size(max = 500) String entitlement, @Size(max = 200) String sku,
		@Size(max = 100) String displayName, @Size(max = 200) String image, @Min(1) @Max(16384) Integer sizeGb,
		@Size(max = 500) String source, @Size(max = 20) List<@Valid Port> ports,
		@Size(max = 50) List<@Size(max = 500) String> members, @Size(max = 20) Map<String, String> settings,
		@Pattern(regexp = "INBOUND|OUTBOUND") String direction, @Pattern(regexp = "TCP|UDP|ICMP|ANY") String protocol,
		@Pattern(regexp = "\\d{1,5}(-\\d{1,5})?") String port,
		@Pattern(regexp = "[0-9a-fA-F:.]{2,39}/\\d{1,3}") String cidr) {

	/**
	 * A load balancer listener.
	 *
	 * @param port the public port
	 * @param protocol TCP, HTTP or HTTPS
	 * @param targetPort the members' port
	 */
	public record Port(@Min(1) @Max(65535) int port, @Pattern(regexp = "TCP|HTTP|HTTPS") String protocol,
			@Min(1) @Max(65535) int targetPort) {
	}

}
