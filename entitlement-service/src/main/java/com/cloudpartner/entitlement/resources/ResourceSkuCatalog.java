package com.cloudpartner.entitlement.resources;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.cloudpartner.entitlement.entitlement.ResourceSkus;

import org.springframework.stereotype.Component;

/**
 * The SKUs of each kind from {@code platform.resources.skus}, the same list a create
 * checks. Firewall rules are recorded under one free SKU and are not sold, so they have
 * none.
 */
@Component
class ResourceSkuCatalog implements ResourceSkus {

	private final ResourcesProperties properties;

	ResourceSkuCatalog(ResourcesProperties properties) {
		this.properties = properties;
	}

	@Override
	public Optional<List<String>> skusOf(String kind) {
		return ResourceKind.ofSegment(kind).filter((k) -> k != ResourceKind.FIREWALL_RULE).map(this.properties::skusOf);
	}

	@Override
	public List<String> kinds() {
		return Arrays.stream(ResourceKind.values())
			.filter((k) -> k != ResourceKind.FIREWALL_RULE)
			.map(ResourceKind::segment)
			.toList();
	}

}
