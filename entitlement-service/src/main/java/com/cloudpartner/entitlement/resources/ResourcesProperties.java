package com.cloudpartner.entitlement.resources;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.resources.*}: which catalog SKUs each kind of resource may be created
 * with, and the fixed sizes of what has no size of its own.
 *
 * @param skus per kind (SERVER, DISK, ...), the SKU resource names it accepts
 * @param firewallSku the SKU firewall rules are recorded under (they are free)
 * @param bootDiskGb the size of a server's boot disk, which an image copies
 * @param maxDiskGb the largest disk one may create
 * @param location the region or zone new resources are created in (the simulated cloud
 * has one)
 */
@ConfigurationProperties("platform.resources")
public record ResourcesProperties(Map<ResourceKind, List<String>> skus,
		@DefaultValue("products/firewall/skus/server-firewall") String firewallSku, @DefaultValue("50") int bootDiskGb,
		@DefaultValue("2000") int maxDiskGb, @DefaultValue("kr-central-1") String location) {

	private static final Map<ResourceKind, List<String>> DEFAULT_SKUS = Map.of(ResourceKind.SERVER,
			List.of("products/server-basic/skus/basic-2vcpu-4gb", "products/server-basic/skus/basic-4vcpu-8gb",
					"products/server-basic/skus/basic-8vcpu-16gb", "products/server-premium/skus/premium-4vcpu-16gb",
					"products/server-premium/skus/premium-8vcpu-32gb"),
			ResourceKind.DISK, List.of("products/ssd-disk/skus/ssd-gb"), ResourceKind.SNAPSHOT,
			List.of("products/snapshot/skus/snapshot-gb"), ResourceKind.IMAGE, List.of("products/image/skus/image-gb"),
			ResourceKind.PUBLIC_IP, List.of("products/public-ip/skus/ipv4"), ResourceKind.LOAD_BALANCER,
			List.of("products/load-balancer/skus/standard"), ResourceKind.BUCKET,
			List.of("products/object-storage/skus/standard"));

	public ResourcesProperties {
		var merged = new java.util.EnumMap<ResourceKind, List<String>>(DEFAULT_SKUS);
		if (skus != null) {
			merged.putAll(skus);
		}
		skus = Map.copyOf(merged);
	}

	List<String> skusOf(ResourceKind kind) {
		return this.skus.getOrDefault(kind, List.of());
	}

}
