package com.cloudpartner.console.servers;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.servers.CustomerServers.Page;
import com.cloudpartner.console.servers.ServerCatalog.Sku;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.ApiErrors;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of the customer's servers: the list, one server with what can be done to it,
 * the create form and the delete confirmation. The forms post to
 * {@link ServerActionsController}.
 */
@Controller
@RequestMapping(path = "/console/servers", produces = MediaType.TEXT_HTML_VALUE)
@ApiResponse(responseCode = "200", description = "The page")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "404", description = "Not the session customer's, or not there")
@ApiResponse(responseCode = "503", description = "The API did not answer")
class ServerPagesController {

	private static final Logger log = LoggerFactory.getLogger(ServerPagesController.class);

	private final CustomerServers servers;

	private final ServerChoices choices;

	private final ServerCatalog catalog;

	private final ApiErrors errors;

	private final ConsoleProperties properties;

	ServerPagesController(CustomerServers servers, ServerChoices choices, ServerCatalog catalog, ApiErrors errors,
			ConsoleProperties properties) {
		this.servers = servers;
		this.choices = choices;
		this.catalog = catalog;
		this.errors = errors;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "The end user's servers", security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView list(ConsoleUser user, @RequestParam(required = false) String pageToken) {
		Page page = this.servers.list(user, (pageToken != null && pageToken.length() <= 500) ? pageToken : null);
		Function<String, String> skuNames = skuNames(user);
		ModelAndView view = user.page("console/servers/list", HttpStatus.OK);
		view.addObject("servers",
				page.servers().stream().map((s) -> ServerView.of(s, skuNames.apply(s.sku()), zone())).toList());
		view.addObject("nextPageToken",
				(page.nextPageToken() != null && !page.nextPageToken().isBlank()) ? page.nextPageToken() : null);
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@GetMapping("/new")
	@Operation(summary = "The form that creates a server", security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView createForm(ConsoleUser user) {
		ModelAndView view = user.page("console/servers/new", HttpStatus.OK);
		view.addObject("choices", this.choices.forCreate(user));
		// one key per form shown: a form sent twice creates one server
		view.addObject("requestKey", UUID.randomUUID().toString());
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@GetMapping("/{serverId}")
	@Operation(summary = "One server and what can be done to it",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView details(ConsoleUser user, @PathVariable String serverId) {
		ServerView server = server(user, serverId);
		ModelAndView view = user.page("console/servers/details", HttpStatus.OK);
		view.addObject("server", server);
		view.addObject("resizeSkus", server.canResize() ? resizeChoices(user, server) : List.of());
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@GetMapping("/{serverId}/delete")
	@Operation(summary = "Asks to confirm that a server is to be deleted",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView confirmDelete(ConsoleUser user, @PathVariable String serverId) {
		ModelAndView view = user.page("console/servers/delete", HttpStatus.OK);
		view.addObject("server", server(user, serverId));
		return view;
	}

	/** The other server SKUs; while they cannot be read, none (the page still shows). */
	private List<ServerChoices.Choice> resizeChoices(ConsoleUser user, ServerView server) {
		try {
			return this.choices.skus(user).stream().filter((choice) -> !choice.value().equals(server.sku())).toList();
		}
		catch (UpstreamUnavailableException | UpstreamRefusedException ex) {
			if (ex instanceof UpstreamRefusedException refused && refused.isSuspension()) {
				throw refused;
			}
			log.warn("Server SKUs unavailable, no resize offered: {}", ex.getMessage());
			return List.of();
		}
	}

	private ServerView server(ConsoleUser user, String serverId) {
		if (!Ids.valid(serverId)) {
			throw new UpstreamRefusedException("not a server id", 404, "SERVER_NOT_FOUND");
		}
		CustomerServers.Server server = this.servers.get(user, serverId);
		return ServerView.of(server, skuNames(user).apply(server.sku()), zone());
	}

	/** SKU display names from the catalog; while it cannot be read, the SKU's name. */
	private Function<String, String> skuNames(ConsoleUser user) {
		try {
			Map<String, String> names = this.catalog.serverSkus(user.token())
				.stream()
				.collect(Collectors.toMap(Sku::name, (s) -> (s.displayName() != null) ? s.displayName() : s.name(),
						(a, b) -> a));
			return (sku) -> (sku != null) ? names.get(sku) : null;
		}
		catch (UpstreamUnavailableException | UpstreamRefusedException ex) {
			log.warn("Catalog unavailable, showing SKU names: {}", ex.getMessage());
			return (sku) -> null;
		}
	}

	private java.time.ZoneId zone() {
		return this.properties.timeZone();
	}

}
