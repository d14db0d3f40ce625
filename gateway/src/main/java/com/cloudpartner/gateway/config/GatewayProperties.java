package com.cloudpartner.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings ({@code platform.gateway.*}).
 *
 * @param rateLimits token buckets per partner account, per client and per caller of the
 * token endpoint
 * @param requests body, page-size ceilings
 * @param bulkhead concurrent calls per service
 * @param cors browser origins of partner consoles allowed to call the API
 * @param partnerEventsTopic where suspensions come from
 */
@ConfigurationProperties("platform.gateway")
public record GatewayProperties(RateLimits rateLimits, Requests requests, Bulkhead bulkhead, Cors cors,
		String partnerEventsTopic) {

	public GatewayProperties {
		rateLimits = (rateLimits != null) ? rateLimits : new RateLimits(null, null, null, null, null, null);
		requests = (requests != null) ? requests : new Requests(null, null, null);
		bulkhead = (bulkhead != null) ? bulkhead : new Bulkhead(null);
		cors = (cors != null) ? cors : new Cors(null);
		partnerEventsTopic = (partnerEventsTopic != null) ? partnerEventsTopic : "partner-events";
	}

	/**
	 * @param enabled off only for benchmarks that measure something else
	 * @param plans named bucket sizes
	 * @param defaultPlan the plan of an account not listed in {@code accounts}
	 * @param accounts account id to plan name
	 * @param client the bucket of each client ({@code sub}) on top of its account's
	 * @param tokenEndpoint the bucket of each caller (IP address) of
	 * {@code POST /v1/oauth/token}
	 */
	public record RateLimits(Boolean enabled, Map<String, Plan> plans, String defaultPlan, Map<String, String> accounts,
			Plan client, Plan tokenEndpoint) {

		public RateLimits {
			enabled = (enabled != null) ? enabled : true;
			plans = (plans != null && !plans.isEmpty()) ? Map.copyOf(plans)
					: Map.of("standard", new Plan(200L, 100L), "premium", new Plan(1000L, 500L));
			defaultPlan = (defaultPlan != null) ? defaultPlan : "standard";
			accounts = (accounts != null) ? Map.copyOf(accounts) : Map.of();
			client = (client != null) ? client : new Plan(200L, 100L);
			tokenEndpoint = (tokenEndpoint != null) ? tokenEndpoint : new Plan(20L, 1L);
			if (!plans.containsKey(defaultPlan)) {
				throw new IllegalStateException("platform.gateway.rate-limits.default-plan '" + defaultPlan
						+ "' is not one of the plans " + plans.keySet());
			}
		}

		public Plan planOf(String account) {
			return this.plans.getOrDefault(this.accounts.getOrDefault(account, this.defaultPlan),
					this.plans.get(this.defaultPlan));
		}

	}

	/**
	 * A token bucket: {@code capacity} requests at once, refilled by
	 * {@code refillPerSecond}.
	 */
	public record Plan(Long capacity, Long refillPerSecond) {

		public Plan {
			capacity = (capacity != null) ? capacity : 100L;
			refillPerSecond = (refillPerSecond != null) ? refillPerSecond : 50L;
		}

	}

	/**
	 * @param maxBodySize default request body ceiling
	 * @param bodySizeByPath exact paths with their own ceiling
	 * @param maxPageSize largest {@code pageSize} a list may ask for
	 */
	public record Requests(DataSize maxBodySize, Map<String, DataSize> bodySizeByPath, Integer maxPageSize) {

		public Requests {
			maxBodySize = (maxBodySize != null) ? maxBodySize : DataSize.ofMegabytes(1);
			bodySizeByPath = (bodySizeByPath != null) ? Map.copyOf(bodySizeByPath)
					: Map.of("/v1/usage-events", DataSize.ofMegabytes(2));
			maxPageSize = (maxPageSize != null) ? maxPageSize : 500;
		}

		public long maxBodyBytes(String path) {
			DataSize size = this.bodySizeByPath.get(path);
			return ((size != null) ? size : this.maxBodySize).toBytes();
		}

	}

	/**
	 * @param maxConcurrentCalls calls in flight to one service at most
	 */
	public record Bulkhead(Integer maxConcurrentCalls) {

		public Bulkhead {
			maxConcurrentCalls = (maxConcurrentCalls != null) ? maxConcurrentCalls : 256;
		}

	}

	/**
	 * @param allowedOrigins e.g. {@code https://console.partner.example}
	 */
	public record Cors(List<String> allowedOrigins) {

		public Cors {
			allowedOrigins = (allowedOrigins != null) ? List.copyOf(allowedOrigins) : List.of();
		}

	}

}
