package com.cloudpartner.console.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.monitoring.LineChart.Sample;
import com.cloudpartner.console.monitoring.LineChart.Scale;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A server's monitoring page: CPU, memory and disk (percent) and egress traffic (bytes)
 * over a chosen period, each drawn as a server-rendered SVG chart. A series that the API
 * cannot deliver is shown as unavailable on its own; the page still renders.
 */
@Controller
@ApiResponse(responseCode = "200", description = "The page")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "404", description = "Not the session customer's server, or not there")
@ApiResponse(responseCode = "503", description = "The API did not answer")
class MonitoringController {

	static final List<String> METRICS = List.of("cpu", "memory", "disk", "traffic");

	private static final Logger log = LoggerFactory.getLogger(MonitoringController.class);

	private final ServerMetrics metrics;

	private final ConsoleProperties properties;

	private final Clock clock;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	MonitoringController(ServerMetrics metrics, ConsoleProperties properties, Clock clock) {
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/console/servers/{serverId}/monitoring", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "Monitoring charts of one server", security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView monitoring(ConsoleUser user, @PathVariable String serverId,
			@RequestParam(required = false) String range) {
		if (!Ids.valid(serverId)) {
			throw new UpstreamRefusedException("not a server id", 404, "SERVER_NOT_FOUND");
		}
		ServerMetrics.Server server = this.metrics.server(user, serverId);
		MonitoringRange period = MonitoringRange.of(range).orElse(MonitoringRange.DEFAULT);
		Instant now = this.clock.instant();
		Instant from = period.from(now);
		Instant to = period.to(now);
		// the four reads are independent: the page waits for the slowest, not for the sum
		Map<String, String> context = MDC.getCopyOfContextMap();
		Map<String, CompletableFuture<LineChart>> pending = new LinkedHashMap<>();
		for (String metric : METRICS) {
			pending.put(metric, CompletableFuture.supplyAsync(
					() -> withContext(context, () -> chart(user, serverId, metric, period, from, to)), this.executor));
		}
		Map<String, LineChart> charts = new LinkedHashMap<>();
		pending.forEach((metric, chart) -> charts.put(metric, join(chart)));
		ModelAndView view = user.page("console/monitoring/server", HttpStatus.OK);
		view.addObject("server", server);
		view.addObject("serverId", serverId);
		view.addObject("range", period);
		view.addObject("ranges", MonitoringRange.values());
		view.addObject("charts", charts);
		view.addObject("metrics", METRICS);
		return view;
	}

	@PreDestroy
	void shutdown() {
		this.executor.shutdown();
	}

	/** A suspension found by any read ends the page as it would have in sequence. */
	private static LineChart join(CompletableFuture<LineChart> chart) {
		try {
			return chart.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static <T> T withContext(Map<String, String> context, Supplier<T> work) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		try {
			return work.get();
		}
		finally {
			MDC.clear();
		}
	}

	/** The chart of one series, or null while the API cannot deliver it. */
	private LineChart chart(ConsoleUser user, String serverId, String metric, MonitoringRange period, Instant from,
			Instant to) {
		try {
			List<Sample> samples = this.metrics.series(user, serverId, metric, from, to)
				.points()
				.stream()
				.filter((point) -> point.time() != null && point.value() != null && Double.isFinite(point.value()))
				.map((point) -> new Sample(point.time(), point.value()))
				.toList();
			return LineChart.of(samples, from, to, "traffic".equals(metric) ? Scale.BYTES : Scale.PERCENT,
					this.properties.timeZone(), period.labels());
		}
		catch (UpstreamRefusedException ex) {
			if (ex.isSuspension()) {
				throw ex;
			}
			log.info("Metric {} of server {} refused: {}", metric, serverId, ex.getMessage());
			return null;
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("Metric {} of server {} unavailable: {}", metric, serverId, ex.getMessage());
			return null;
		}
	}

}
