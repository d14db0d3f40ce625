package com.cloudpartner.support.config;

import java.time.Clock;
import java.time.Duration;

import com.cloudpartner.support.security.JwksKeySource;
import com.cloudpartner.support.security.KeySource;
import com.cloudpartner.support.security.SecurityProperties;
import com.cloudpartner.support.security.TokenCache;
import com.cloudpartner.support.security.TokenVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link TokenVerifier} for every service: against the service's own {@link KeySource}
 * bean when it issues tokens, else against the JWKS at
 * {@code platform.security.jwks-uri}.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	TokenVerifier tokenVerifier(SecurityProperties properties, ObjectProvider<KeySource> keySources, Clock clock) {
		KeySource keys = keySources.getIfAvailable(() -> {
			if (properties.jwksUri() == null) {
				throw new IllegalStateException(
						"Set platform.security.jwks-uri (env PLATFORM_SECURITY_JWKS_URI) to the token issuer's JWKS, "
								+ "for example http://localhost:8081/.well-known/jwks.json");
			}
			return new JwksKeySource(properties.jwksUri(), properties.jwksMinRefreshInterval(), Duration.ofMinutes(10),
					clock);
		});
		TokenCache cache = (properties.tokenCacheMaxSize() > 0)
				? new TokenCache(properties.tokenCacheMaxSize(), properties.tokenCacheTtl(), clock) : null;
		return new TokenVerifier(keys, properties.issuer(), properties.audiences(), properties.clockSkew(), clock,
				cache);
	}

}
