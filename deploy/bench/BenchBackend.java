import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's stand-in service and token issuer, started with the JDK's single-file
 * launcher: {@code java BenchBackend.java <port> <out-dir>}. It mints an RS256 key, serves
 * its JWKS at {@code /jwks.json}, writes a partner token (1 h) to {@code <out-dir>/token},
 * and answers every other path with a small JSON body: at once, or after 20 ms when the
 * path contains {@code slow}.
 */
public class BenchBackend {

	private static final byte[] BODY = "{\"name\":\"products/bench\",\"id\":\"bench\",\"displayName\":\"Bench\"}"
		.getBytes(StandardCharsets.UTF_8);

	public static void main(String[] args) throws Exception {
		// the JDK's server closes a finished connection when 200 are idle already: a gateway
		// at 256 connections then reconnects for some of its requests (1,300 connections
		// closed in 15 s at 3,800 requests/s), which a real service does not make it do
		System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
		int port = Integer.parseInt(args[0]);
		Path out = Path.of(args[1]);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
		byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench-1\",\"n\":\""
				+ b64.encodeToString(unsigned(pub.getModulus())) + "\",\"e\":\""
				+ b64.encodeToString(unsigned(pub.getPublicExponent())) + "\"}]}")
			.getBytes(StandardCharsets.UTF_8);
		long now = System.currentTimeMillis() / 1000;
		String header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"bench-1\",\"typ\":\"JWT\"}".getBytes());
		String claims = b64.encodeToString(("{\"iss\":\"cloud-partner-platform\",\"sub\":\"client-bench\","
				+ "\"aud\":\"partner-api\",\"scope\":\"partner\",\"acct\":\"bench\",\"jti\":\"bench-1\",\"iat\":"
				+ now + ",\"nbf\":" + now + ",\"exp\":" + (now + 3600) + "}")
			.getBytes(StandardCharsets.UTF_8));
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(keys.getPrivate());
		signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
		String token = header + "." + claims + "." + b64.encodeToString(signer.sign());
		Files.writeString(out.resolve("token"), token);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/jwks.json", (exchange) -> send(exchange, jwks));
		server.createContext("/", (exchange) -> {
			if (exchange.getRequestURI().getPath().contains("slow")) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			send(exchange, BODY);
		});
		server.start();
		System.out.println("bench backend on " + port);
	}

	private static void send(HttpExchange exchange, byte[] body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream stream = exchange.getResponseBody()) {
			stream.write(body);
		}
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

}
