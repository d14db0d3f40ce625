package com.cloudpartner.console.resources;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of resources besides servers that the console manages, with what the API
 * calls them (docs/guides/resources.md) and the SKU each is created with. The SKUs are
 * entitlement-service's defaults: the API offers console tokens no list of the SKUs a
 * kind accepts.
 */
enum ResourceKind {

	DISKS("disks", "disk", "products/ssd-disk/skus/ssd-gb"),
	SNAPSHOTS("snapshots", "snapshot", "products/snapshot/skus/snapshot-gb"),
	IMAGES("images", "image", "products/image/skus/image-gb"),
	PUBLIC_IPS("public-ips", "publicIp", "products/public-ip/skus/ipv4"),
	LOAD_BALANCERS("load-balancers", "loadBalancer", "products/load-balancer/skus/standard"),
	BUCKETS("buckets", "bucket", "products/object-storage/skus/standard");

	/** The path pattern of the kinds, for request mappings. */
	static final String SEGMENTS = "disks|snapshots|images|public-ips|load-balancers|buckets";

	private final String segment;

	private final String field;

	private final String sku;

	ResourceKind(String segment, String field, String sku) {
		this.segment = segment;
		this.field = field;
		this.sku = sku;
	}

	/** The collection in paths and names, for example {@code public-ips}. */
	String segment() {
		return this.segment;
	}

	/** The answer's field of one resource ({@code publicIp}); lists add an "s". */
	String field() {
		return this.field;
	}

	String sku() {
		return this.sku;
	}

	/** The key part of this kind's messages, for example {@code resources.public-ips}. */
	String messages() {
		return "resources." + this.segment;
	}

	/**
	 * Whether the create form names a source (snapshots copy a disk, images a server).
	 */
	boolean needsSource() {
		return this == SNAPSHOTS || this == IMAGES;
	}

	static Optional<ResourceKind> of(String segment) {
		return Arrays.stream(values()).filter((kind) -> kind.segment.equals(segment)).findFirst();
	}

}
