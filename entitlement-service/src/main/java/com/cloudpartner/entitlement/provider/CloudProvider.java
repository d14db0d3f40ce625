package com.cloudpartner.entitlement.provider;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IaaS the platform sells, behind one port so that a real cloud API can replace the
 * simulation. Every operation is synchronous from the caller's view (the job runner calls
 * it on a virtual thread), either completes and answers what the cloud now holds, or
 * throws {@link ProviderException} having changed nothing. Operations are idempotent per
 * resource id: the job runner may repeat one after a crash (creating an id that exists
 * answers the existing resource, deleting a missing one succeeds).
 */
public interface CloudProvider {

	ProviderResource createServer(String id, String owner, String sku, String image, String passwordHash);

	/**
	 * The public operating system images servers can be created from (a customer's own
	 * images come on top).
	 */
	List<OsImage> osImages();

	ProviderResource startServer(String id);

	ProviderResource stopServer(String id);

	ProviderResource rebootServer(String id);

	ProviderResource resizeServer(String id, String sku);

	ProviderResource resetPassword(String id, String passwordHash);

	/**
	 * Creates a storage resource: a disk, snapshot, image or bucket.
	 * @param source the provider id of the disk or server a snapshot or image is taken
	 * from, null otherwise
	 */
	ProviderResource createStorage(String id, String owner, String kind, int sizeGb, String source);

	/**
	 * Allocates a network resource: a public IP, load balancer or firewall rule.
	 * @param attachedTo the server a firewall rule is bound to, null otherwise
	 */
	ProviderResource allocate(String id, String owner, String kind, String attachedTo, Map<String, Object> settings);

	/** Attaches a disk or public IP to a server. */
	ProviderResource attach(String id, String kind, String serverId);

	/** Detaches a disk or releases a public IP from its server. */
	ProviderResource detach(String id, String kind);

	/** Replaces a load balancer's ports, members and settings. */
	ProviderResource configure(String id, String kind, Map<String, Object> settings);

	/** Blocks or unblocks all network traffic of a server or load balancer. */
	ProviderResource setNetworkBlocked(String id, String kind, boolean blocked);

	void delete(String id, String kind);

	/**
	 * Hands a resource to another owner (a customer transferred to another partner), so
	 * that the new owner's quotas count it and the old owner's no longer do. Changes only
	 * the cloud's bookkeeping, at once, in the caller's transaction where the cloud
	 * supports one.
	 */
	void reassign(String id, String owner);

	Optional<ProviderResource> describe(String id);

	/** Bytes sent to the internet by a server or load balancer in [from, to). */
	long egressBytes(String id, Instant from, Instant to);

	/**
	 * The most bytes an object storage bucket held at any time in [from, to) (what it
	 * held before, if nothing changed in it); 0 for an empty bucket.
	 */
	long storedBytes(String id, Instant from, Instant to);

	/** Requests an object storage bucket served in [from, to). */
	long requests(String id, Instant from, Instant to);

	/** A monitoring series (cpu, memory, disk, traffic), one point per hour. */
	List<MetricPoint> metrics(String id, String metric, Instant from, Instant to);

	/**
	 * One monitoring sample.
	 *
	 * @param time the start of the sampled hour
	 * @param value the value (percent, or bytes for traffic)
	 */
	record MetricPoint(Instant time, double value) {
	}

}
