package com.cloudpartner.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one public entry of the platform: verifies bearer tokens, enforces tenant
 * boundaries, routes by path to the services and serves their Swagger UI.
 */
@SpringBootApplication
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
