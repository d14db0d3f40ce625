package com.cloudpartner.entitlement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The catalog (products, SKUs, offers), Cloud Channel style entitlements with their
 * long-running operations, and the projection of partner accounts and customers they are
 * checked against.
 */
@SpringBootApplication
public class EntitlementServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EntitlementServiceApplication.class, args);
	}

}
