package com.cloudpartner.console.servers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.console.servers.*}: what the console offers when a server is created.
 *
 * @param images the OS images offered besides the customer's own images (the API takes an
 * image by name and has no list of them)
 * @param catalogTtl how long the public catalog (products and their SKUs) is reused
 */
@ConfigurationProperties("platform.console.servers")
public record ServerProperties(@DefaultValue( {
		"ubuntu-24.04", "ubuntu-22.04", "rocky-9", "debian-12", "windows-server-2022" }) List<String> images,
		@DefaultValue("5m") Duration catalogTtl){

}
