package com.cloudpartner.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one public entry of the platform: verifies bearer tokens, enforces tenant
 * boundaries, routes by path to the services and serves their Swagger UI.
 */
@SpringBootApplication
public class GatewayApplication {

	static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

	public static void main(String[] args) {
		// One event loop per CPU the JVM may use, unless set
		// (-Dreactor.netty.ioWorkerCount).
		// Reactor Netty starts at least four, which on a container of one or two CPUs has
		// loops taking turns on the same core; nothing blocks on the gateway's loops
		// (token verification misses run on the bounded elastic pool).
		if (System.getProperty(IO_WORKER_COUNT) == null) {
			System.setProperty(IO_WORKER_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
		SpringApplication.run(GatewayApplication.class, args);
	}

}
