package com.cloudpartner.console.servers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.console.servers.*}: how long what is the same for every customer is
 * reused.
 *
 * @param catalogTtl how long the public catalog (products and their SKUs) and the
 * provider's OS images are reused
 */
@ConfigurationProperties("platform.console.servers")
public record ServerProperties(@DefaultValue("5m") Duration catalogTtl) {

}
