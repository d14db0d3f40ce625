package com.cloudpartner.support.config;

import org.springdoc.core.utils.SpringDocUtils;

import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * Keeps the caller's {@link VerifiedToken}, a resolved controller argument, out of the
 * OpenAPI documents: it is the bearer token, already described by the security scheme.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class PlatformOpenApiAutoConfiguration {

	PlatformOpenApiAutoConfiguration() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(VerifiedToken.class);
	}

}
