package com.cloudpartner.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.cloudpartner.support.test.TestKafka;
import com.cloudpartner.support.test.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway starts and serves while Kafka is down: {@code partner-events} is followed
 * in the background, and the suspended-partner state catches up once a broker answers on
 * the configured address. A context of its own (Kafka on a port where nothing listens at
 * first), not the shared one of {@link GatewayTestSupport}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayWithoutKafkaIT {

	private static final String SUSPENDED = "kafka-late-co";

	private static final int KAFKA_PORT = freePort();

	private static final FakeBackend PARTNER = FakeBackend.start("partner");

	private static TcpForwarder forwarder;

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("platform.security.jwks-uri", () -> TestTokens.jwksUri().toString());
		registry.add("platform.services.partner", PARTNER::url);
		registry.add("platform.services.entitlement", PARTNER::url);
		registry.add("platform.services.billing", PARTNER::url);
		registry.add("platform.services.console", PARTNER::url);
		registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
		// retry the absent broker often, so that the catch-up below is quick
		registry.add("spring.kafka.consumer.properties.reconnect.backoff.max.ms", () -> "1000");
	}

	@AfterAll
	static void stopForwarder() {
		if (forwarder != null) {
			forwarder.close();
		}
	}

	@Test
	void startsAndServesWhileKafkaIsDownAndCatchesUpWhenItReturns() {
		// the context started with nothing listening on the Kafka port
		assertNothingListens(KAFKA_PORT);
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		String partner = TestTokens.partner(SUSPENDED);
		get("/v1/accounts/" + SUSPENDED, partner).expectStatus().isOk();

		// Kafka comes up at the configured address (a forwarder to the test broker there:
		// the embedded broker cannot be told its port), with a suspension published
		String real = TestKafka.bootstrapServers();
		publishSuspension(real);
		forwarder = TcpForwarder.start(KAFKA_PORT, real);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> get("/v1/accounts/" + SUSPENDED, partner).expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("PARTNER_SUSPENDED"));
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private static void publishSuspension(String bootstrapServers) {
		String event = """
				{"specversion":"1.0","id":"%s","source":"/partner-service","type":"partner.suspended",
				 "subject":"accounts/%s","time":"2026-11-23T06:00:00Z","datacontenttype":"application/json",
				 "data":{"accountId":"%s","state":"SUSPENDED"}}""".formatted(UUID.randomUUID(), SUSPENDED, SUSPENDED);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>("partner-events", "accounts/" + SUSPENDED, event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Bytes both ways between a loopback port and a broker: only the consumer's bootstrap
	 * goes through it; the broker's metadata then sends the consumer to the broker
	 * itself.
	 */
	private record TcpForwarder(ServerSocket server) {

		static TcpForwarder start(int port, String target) {
			String[] hostPort = target.split(",")[0].split(":");
			try {
				ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
				Thread.ofVirtual().start(() -> {
					while (!server.isClosed()) {
						try {
							Socket client = server.accept();
							Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
							Thread.ofVirtual().start(() -> pipe(client, upstream));
							Thread.ofVirtual().start(() -> pipe(upstream, client));
						}
						catch (IOException ex) {
							// closed
						}
					}
				});
				return new TcpForwarder(server);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static void pipe(Socket from, Socket to) {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}

		private static void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

		void close() {
			try {
				this.server.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void assertNothingListens(int port) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			throw new AssertionError("something listens on the Kafka port " + port);
		}
		catch (IOException expected) {
			// connection refused: Kafka is down
		}
	}

}
