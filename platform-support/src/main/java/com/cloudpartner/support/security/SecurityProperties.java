package com.cloudpartner.support.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service verifies bearer tokens.
 *
 * @param jwksUri where the issuer publishes its keys (not needed by the issuer itself)
 * @param issuer the expected {@code iss}
 * @param audiences accepted {@code aud} values
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksMinRefreshInterval at most one JWKS fetch per interval for unknown key ids
 * @param publicPaths {@code /v1} path patterns reachable without a token, optionally
 * prefixed by a method ({@code "POST /v1/members"})
 * @param tokenCacheMaxSize verified tokens remembered at most ({@link TokenCache}); 0
 * remembers none
 * @param tokenCacheTtl longest time a verified token is trusted without checking it again
 * (never past its {@code exp})
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(URI jwksUri, String issuer, List<String> audiences, Duration clockSkew,
		Duration jwksMinRefreshInterval, List<String> publicPaths, Long tokenCacheMaxSize, Duration tokenCacheTtl) {

	public SecurityProperties {
		issuer = (issuer != null) ? issuer : "cloud-partner-platform";
		audiences = (audiences != null && !audiences.isEmpty()) ? List.copyOf(audiences)
				: List.of("partner-api", "console");
		clockSkew = (clockSkew != null) ? clockSkew : Duration.ofSeconds(30);
		jwksMinRefreshInterval = (jwksMinRefreshInterval != null) ? jwksMinRefreshInterval : Duration.ofSeconds(10);
		publicPaths = (publicPaths != null) ? List.copyOf(publicPaths) : List.of();
		tokenCacheMaxSize = (tokenCacheMaxSize != null) ? tokenCacheMaxSize : 10_000L;
		tokenCacheTtl = (tokenCacheTtl != null) ? tokenCacheTtl : Duration.ofMinutes(5);
	}

}
