package com.cloudpartner.gateway.security;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import com.cloudpartner.support.security.JwksKeySource;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway relies on its key source never turning made-up key ids into a flood of JWKS
 * fetches.
 */
class JwksRefreshTests {

	@Test
	void unknownKeyIdsCauseAtMostOneFetchPerInterval() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		RSAPublicKey key = (RSAPublicKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"known\",\"n\":\""
				+ b64.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
				+ b64.encodeToString(unsigned(key.getPublicExponent())) + "\"}]}";
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/jwks", (exchange) -> {
			fetches.incrementAndGet();
			byte[] body = jwks.getBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			JwksKeySource keys = new JwksKeySource(
					URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"), Duration.ofSeconds(10),
					Duration.ofMinutes(10), Clock.systemUTC());
			for (int i = 0; i < 50; i++) {
				assertThat(keys.find("made-up-" + i)).isEmpty();
			}
			assertThat(fetches.get()).isEqualTo(1);
			assertThat(keys.find("known")).isPresent();
			assertThat(fetches.get()).isEqualTo(1);
		}
		finally {
			server.stop(0);
		}
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

}
