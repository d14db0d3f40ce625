package com.cloudpartner.console.upstream;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the other services answer ({@code platform.services.*}).
 *
 * @param partner partner-service: tokens, account settings, console tokens
 * @param entitlement entitlement-service: the customer's entitlements
 * @param billing billing-service: the customer's month-to-date charges
 */
@ConfigurationProperties("platform.services")
public record ServiceEndpoints(@DefaultValue("http://localhost:8081") URI partner,
		@DefaultValue("http://localhost:8082") URI entitlement, @DefaultValue("http://localhost:8083") URI billing) {

}
