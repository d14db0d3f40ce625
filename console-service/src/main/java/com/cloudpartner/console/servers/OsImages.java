package com.cloudpartner.console.servers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public OS images the provider boots ({@code GET /v1/os-images}), which any verified
 * token reads and which are the same for every customer: read with the asking user's
 * console token and kept for {@code platform.console.servers.catalog-ttl}.
 */
@Component
class OsImages {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	private final ServerProperties properties;

	private final Clock clock;

	private volatile Snapshot snapshot;

	OsImages(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls, ServerProperties properties,
			Clock clock) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
		this.properties = properties;
		this.clock = clock;
	}

	List<OsImage> list(String token) {
		Instant now = this.clock.instant();
		Snapshot known = this.snapshot;
		if (known != null && now.isBefore(known.expiresAt())) {
			return known.images();
		}
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/os-images")
			.queryParam("pageSize", 500)
			.build()
			.toUri();
		Page page = this.calls.call("entitlement-service did not list the OS images",
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(token))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(Page.class));
		List<OsImage> images = page.osImages().stream().filter((image) -> image.id() != null).toList();
		this.snapshot = new Snapshot(images, now.plus(this.properties.catalogTtl()));
		return images;
	}

	private record Snapshot(List<OsImage> images, Instant expiresAt) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<OsImage> osImages) {

		Page {
			osImages = (osImages != null) ? osImages : List.of();
		}

	}

	/**
	 * An image as the API shows it; a server's {@code image} names its id.
	 *
	 * @param id for example {@code ubuntu-24.04}
	 * @param displayName for people
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record OsImage(String id, String displayName) {

		String label() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.id;
		}

	}

}
