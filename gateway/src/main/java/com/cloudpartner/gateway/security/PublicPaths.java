package com.cloudpartner.gateway.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The {@code /v1} paths reachable without a token, from
 * {@code platform.security.public-paths}, each optionally prefixed by a method
 * ({@code "POST /v1/members"}), in the same notation the services use.
 */
class PublicPaths {

	private final List<PublicPath> paths;

	PublicPaths(List<String> specs) {
		this.paths = specs.stream().map(PublicPath::parse).toList();
	}

	boolean matches(HttpMethod method, PathContainer path) {
		for (PublicPath candidate : this.paths) {
			if (candidate.matches(method, path)) {
				return true;
			}
		}
		return false;
	}

	private record PublicPath(String method, PathPattern pattern) {

		static PublicPath parse(String spec) {
			String[] parts = spec.trim().split("\\s+", 2);
			String method = (parts.length == 2) ? parts[0] : null;
			String path = (parts.length == 2) ? parts[1] : parts[0];
			return new PublicPath(method, PathPatternParser.defaultInstance.parse(path));
		}

		boolean matches(HttpMethod requestMethod, PathContainer path) {
			return (this.method == null || this.method.equalsIgnoreCase(requestMethod.name()))
					&& this.pattern.matches(path);
		}

	}

}
