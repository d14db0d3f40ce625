package com.cloudpartner.benchsink;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "HTTP alone" baseline of the ingestion benchmark: a {@code /v1} endpoint behind the
 * service's own filters (the bearer token verified, the request id, the text check) that
 * reads a batch's body as the usage API does and answers 202 without looking at it. Kept
 * outside the service's packages so that no test's component scan finds it; only
 * {@code BillingBenchmark} adds it to its application.
 */
@RestController
public class HttpSink {

	@PostMapping(path = "/v1/bench-sink", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> sink(HttpServletRequest request, @RequestParam("n") int events) throws IOException {
		// the body into an array of its declared length, as UsageEventController reads it
		byte[] body = new byte[request.getContentLength()];
		try (InputStream in = request.getInputStream()) {
			in.readNBytes(body, 0, body.length);
		}
		return ResponseEntity.accepted()
			.body("{\"accepted\":" + events + ",\"duplicates\":0,\"rejected\":[],\"bytes\":" + body.length + "}");
	}

}
