package com.cloudpartner.console.resources;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.servers.ServerChoices;
import com.cloudpartner.console.servers.ServerChoices.Choice;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ApiErrors;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;
import com.cloudpartner.console.web.Redirects;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of the customer's other resources, one set per kind: the list, the create
 * form, one resource with what can be done to it, and the delete confirmation. The forms
 * post to {@link ResourceActionsController}.
 */
@Controller
@RequestMapping(path = "/console/resources", produces = MediaType.TEXT_HTML_VALUE)
@ApiResponse(responseCode = "200", description = "The page")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "404", description = "Not the session customer's, or not there")
@ApiResponse(responseCode = "503", description = "The API did not answer")
class ResourcePagesController {

	private final CustomerResources resources;

	private final ServerChoices choices;

	private final ApiErrors errors;

	private final ConsoleProperties properties;

	ResourcePagesController(CustomerResources resources, ServerChoices choices, ApiErrors errors,
			ConsoleProperties properties) {
		this.resources = resources;
		this.choices = choices;
		this.errors = errors;
		this.properties = properties;
	}

	@GetMapping
	@Operation(summary = "The end user's resources: to the first kind's list",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView resources() {
		return Redirects.seeOther("/console/resources/" + ResourceKind.DISKS.segment());
	}

	@GetMapping("/{kind:" + ResourceKind.SEGMENTS + "}")
	@Operation(summary = "The end user's disks, snapshots, images, public IPs, load balancers or buckets",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView list(ConsoleUser user, @PathVariable String kind) {
		ResourceKind k = kind(kind);
		ModelAndView view = page(user, "console/resources/list", k);
		view.addObject("resources",
				this.resources.list(user, k)
					.stream()
					.map((r) -> ResourceView.of(k, r, user.customerName(), zone()))
					.toList());
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@GetMapping("/{kind:" + ResourceKind.SEGMENTS + "}/new")
	@Operation(summary = "The form that creates a resource of a kind",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView createForm(ConsoleUser user, @PathVariable String kind) {
		ResourceKind k = kind(kind);
		ModelAndView view = page(user, "console/resources/new", k);
		view.addObject("entitlements", this.choices.entitlements(user));
		view.addObject("servers", servers(user));
		view.addObject("sources", sources(user, k));
		// one key per form shown: a form sent twice creates one resource
		view.addObject("requestKey", UUID.randomUUID().toString());
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@GetMapping("/{kind:" + ResourceKind.SEGMENTS + "}/{id}")
	@Operation(summary = "One resource and what can be done to it",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView details(ConsoleUser user, @PathVariable String kind, @PathVariable String id) {
		ResourceKind k = kind(kind);
		ResourceView resource = resource(user, k, id);
		ModelAndView view = page(user, "console/resources/details", k);
		view.addObject("resource", resource);
		boolean choosesServer = resource.canAttach() || resource.canAssign() || resource.canChangeMembers();
		view.addObject("servers", choosesServer ? servers(user) : List.of());
		view.addObject("refusal", this.errors.takeHeld(user.session()).orElse(null));
		return view;
	}

	@GetMapping("/{kind:" + ResourceKind.SEGMENTS + "}/{id}/delete")
	@Operation(summary = "Asks to confirm that a resource is to be deleted",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView confirmDelete(ConsoleUser user, @PathVariable String kind, @PathVariable String id) {
		ResourceKind k = kind(kind);
		ModelAndView view = page(user, "console/resources/delete", k);
		view.addObject("resource", resource(user, k, id));
		return view;
	}

	private ModelAndView page(ConsoleUser user, String template, ResourceKind kind) {
		ModelAndView view = user.page(template, HttpStatus.OK);
		view.addObject("kind", kind.segment());
		view.addObject("kinds", List.of(ResourceKind.values()).stream().map(ResourceKind::segment).toList());
		return view;
	}

	private ResourceView resource(ConsoleUser user, ResourceKind kind, String id) {
		if (!Ids.valid(id)) {
			throw new UpstreamRefusedException("not a resource id", 404, "NOT_FOUND");
		}
		return ResourceView.of(kind, this.resources.get(user, kind, id), user.customerName(), zone());
	}

	/** The customer's servers that a resource can be bound to or made from. */
	private List<Choice> servers(ConsoleUser user) {
		return this.resources.servers(user)
			.stream()
			.filter((s) -> "RUNNING".equals(s.state()) || "STOPPED".equals(s.state()))
			.map((s) -> new Choice(s.id(), label(s)))
			.toList();
	}

	/** What a snapshot (a disk) or an image (a server) copies. */
	private List<Choice> sources(ConsoleUser user, ResourceKind kind) {
		if (kind == ResourceKind.SNAPSHOTS) {
			return this.resources.list(user, ResourceKind.DISKS)
				.stream()
				.filter((d) -> "ACTIVE".equals(d.state()))
				.map((d) -> new Choice(d.name(), label(d)))
				.toList();
		}
		if (kind == ResourceKind.IMAGES) {
			return this.resources.servers(user)
				.stream()
				.filter((s) -> "RUNNING".equals(s.state()) || "STOPPED".equals(s.state()))
				.map((s) -> new Choice(s.name(), label(s)))
				.toList();
		}
		return List.of();
	}

	private static String label(CustomerResources.Resource resource) {
		String name = (resource.displayName() != null) ? resource.displayName() : "";
		return name + " (" + resource.id() + ")";
	}

	static ResourceKind kind(String segment) {
		return ResourceKind.of(segment)
			.orElseThrow(() -> new UpstreamRefusedException("not a kind of resource", 404, "NOT_FOUND"));
	}

	private ZoneId zone() {
		return this.properties.timeZone();
	}

}
