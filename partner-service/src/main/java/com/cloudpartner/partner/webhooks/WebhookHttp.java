package com.cloudpartner.partner.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import org.springframework.stereotype.Component;

/**
 * The HTTP side of callbacks, hardened against SSRF: the connection resolves the host
 * through {@link CallbackAddressPolicy}, so the addresses that were checked are the ones
 * connected to (no second DNS answer in between); no redirects, no retries, no cookies,
 * no proxies from system properties; short timeouts; at most a few KB of the answer read.
 */
@Component
class WebhookHttp {

	private final CloseableHttpClient client;

	private final PoolingHttpClientConnectionManager connections;

	private final int maxResponseBytes;

	WebhookHttp(CallbackAddressPolicy policy, WebhookProperties properties) {
		DnsResolver pinned = new DnsResolver() {
			@Override
			public InetAddress[] resolve(String host) throws UnknownHostException {
				return policy.resolve(host).toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}
		};
		this.connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(pinned)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(properties.connectTimeout()))
				.setSocketTimeout(Timeout.of(properties.readTimeout()))
				.build())
			.setMaxConnTotal(50)
			.setMaxConnPerRoute(4)
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(this.connections)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(properties.readTimeout()))
				.setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
				.build())
			.setUserAgent("CloudPartner-Webhooks/1")
			.build();
		this.maxResponseBytes = properties.maxResponseBytes();
	}

	/**
	 * POSTs the body and returns the status.
	 * @throws UnknownHostException (a
	 * {@link CallbackAddressPolicy.RefusedAddressException} when the address is refused)
	 * @throws IOException when the connection fails or times out
	 */
	int post(URI url, String body, String signature, String deliveryId) throws IOException {
		HttpPost request = new HttpPost(url);
		request.setEntity(new StringEntity(body, ContentType.create("application/cloudevents+json", "UTF-8")));
		request.setHeader(WebhookSignature.HEADER, signature);
		request.setHeader("Webhook-Id", deliveryId);
		ClassicHttpResponse response = this.client.executeOpen(HttpHost.create(url), request, null);
		try {
			if (response.getEntity() != null) {
				InputStream in = response.getEntity().getContent();
				in.readNBytes(this.maxResponseBytes);
			}
			return response.getCode();
		}
		finally {
			// never read (or drain on close) the rest of a long answer: drop the
			// connection
			request.cancel();
			try {
				response.close();
			}
			catch (IOException ex) {
				// the connection is gone already
			}
		}
	}

	@PreDestroy
	void close() throws IOException {
		this.client.close();
		this.connections.close();
		this.connections.closeIdle(org.apache.hc.core5.util.TimeValue.of(0, TimeUnit.SECONDS));
	}

}
