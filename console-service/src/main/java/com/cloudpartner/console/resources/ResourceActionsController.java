package com.cloudpartner.console.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;
import com.cloudpartner.console.web.Redirects;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The forms that change disks, snapshots, images, public IPs, load balancers and buckets.
 * Each is a POST carrying the session's CSRF token (checked before it gets here),
 * answered with a redirect to the job's page or back to the form with the API's refusal.
 * Servers and entitlements are named by the session's own customer, whatever the form
 * says.
 */
@Controller
@RequestMapping(path = "/console/resources", produces = MediaType.TEXT_HTML_VALUE)
@ApiResponse(responseCode = "303", description = "To the job's page, or back to the form's page with the refusal")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "403", description = "The form did not carry the session's CSRF token (_csrf)")
@ApiResponse(responseCode = "404", description = "Not a resource of the session's customer")
class ResourceActionsController {

	private static final Pattern REQUEST_KEY = Pattern.compile("[0-9a-fA-F-]{36}");

	private static final Pattern PROTOCOL = Pattern.compile("TCP|HTTP|HTTPS");

	private final CustomerResources resources;

	private final FormOutcomes outcomes;

	ResourceActionsController(CustomerResources resources, FormOutcomes outcomes) {
		this.resources = resources;
		this.outcomes = outcomes;
	}

	@PostMapping("/{kind:" + ResourceKind.SEGMENTS + "}")
	@Operation(summary = "Create a disk, snapshot, image, public IP, load balancer or bucket (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView create(ConsoleUser user, @PathVariable String kind, @RequestParam Map<String, String> form,
			@RequestParam(name = "member", required = false) List<String> members) {
		ResourceKind k = ResourcePagesController.kind(kind);
		String back = "/console/resources/" + k.segment() + "/new";
		Map<String, Object> body = body(user, k, form, members);
		if (body == null) {
			return this.outcomes.incomplete(user, back);
		}
		String requestKey = form.get("requestKey");
		String key = (requestKey != null && REQUEST_KEY.matcher(requestKey).matches()) ? "console-" + requestKey : null;
		return this.outcomes.run(user, back, () -> this.resources.create(user, k, body, key));
	}

	@PostMapping("/{kind:disks|public-ips}/{id}/{verb:attach|detach|assign|release}")
	@Operation(summary = "Attach or detach a disk, assign or unassign (release) a public IP (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView bind(ConsoleUser user, @PathVariable String kind, @PathVariable String id, @PathVariable String verb,
			@RequestParam(required = false) String server) {
		ResourceKind k = ResourcePagesController.kind(kind);
		FormOutcomes.requireId(id);
		String back = "/console/resources/" + k.segment() + "/" + id;
		boolean disk = k == ResourceKind.DISKS;
		if (disk != (verb.equals("attach") || verb.equals("detach"))) {
			return this.outcomes.incomplete(user, back);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		if (verb.equals("attach") || verb.equals("assign")) {
			if (!Ids.valid(server)) {
				return this.outcomes.incomplete(user, back);
			}
			body.put("server", user.customerName() + "/servers/" + server);
		}
		return this.outcomes.run(user, back, () -> this.resources.act(user, k, id, verb, body));
	}

	@PostMapping("/load-balancers/{id}/members")
	@Operation(summary = "Set a load balancer's member servers (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView members(ConsoleUser user, @PathVariable String id,
			@RequestParam(name = "member", required = false) List<String> members) {
		FormOutcomes.requireId(id);
		String back = "/console/resources/load-balancers/" + id;
		List<String> names = serverNames(user, members);
		if (names == null) {
			return this.outcomes.incomplete(user, back);
		}
		return this.outcomes.run(user, back,
				() -> this.resources.update(user, ResourceKind.LOAD_BALANCERS, id, Map.of("members", names)));
	}

	@PostMapping("/{kind:" + ResourceKind.SEGMENTS + "}/{id}/delete")
	@Operation(summary = "Delete a resource (the confirmation form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView delete(ConsoleUser user, @PathVariable String kind, @PathVariable String id,
			@RequestParam(required = false) String confirm) {
		ResourceKind k = ResourcePagesController.kind(kind);
		FormOutcomes.requireId(id);
		String page = "/console/resources/" + k.segment() + "/" + id;
		if (!"yes".equals(confirm)) {
			// only the confirmation page's form deletes
			return Redirects.seeOther(page + "/delete");
		}
		return this.outcomes.run(user, page, () -> this.resources.delete(user, k, id));
	}

	/** The API's create body, or null when the form is not complete. */
	private static Map<String, Object> body(ConsoleUser user, ResourceKind kind, Map<String, String> form,
			List<String> members) {
		String entitlement = form.get("entitlement");
		String name = (form.get("displayName") != null) ? form.get("displayName").strip() : "";
		if (entitlement == null || !entitlement.startsWith(user.customerName() + "/entitlements/")
				|| !Ids.valid(Ids.lastSegment(entitlement)) || name.length() > 100) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("entitlement", entitlement);
		body.put("sku", kind.sku());
		if (!name.isEmpty()) {
			body.put("displayName", name);
		}
		switch (kind) {
			case DISKS -> {
				Integer size = number(form.get("sizeGb"), 1, 16384);
				if (size == null) {
					return null;
				}
				body.put("sizeGb", size);
			}
			case SNAPSHOTS, IMAGES -> {
				String source = form.get("source");
				String collection = (kind == ResourceKind.SNAPSHOTS) ? "/disks/" : "/servers/";
				if (source == null || !source.startsWith(user.customerName() + collection)
						|| !Ids.valid(source.substring((user.customerName() + collection).length()))) {
					return null;
				}
				body.put("source", source);
			}
			case LOAD_BALANCERS -> {
				Integer port = number(form.get("port"), 1, 65535);
				Integer target = number(form.get("targetPort"), 1, 65535);
				String protocol = form.get("protocol");
				List<String> names = serverNames(user, members);
				if (port == null || target == null || protocol == null || !PROTOCOL.matcher(protocol).matches()
						|| names == null) {
					return null;
				}
				body.put("ports", List.of(Map.of("port", port, "protocol", protocol, "targetPort", target)));
				body.put("members", names);
			}
			default -> {
			}
		}
		return body;
	}

	/** The customer's own server names for ids of the form; null if one is not an id. */
	private static List<String> serverNames(ConsoleUser user, List<String> ids) {
		List<String> names = new ArrayList<>();
		for (String id : (ids != null) ? ids : List.<String>of()) {
			if (!Ids.valid(id) || names.size() >= 50) {
				return null;
			}
			names.add(user.customerName() + "/servers/" + id);
		}
		return names;
	}

	private static Integer number(String text, int min, int max) {
		if (text == null || !text.strip().matches("\\d{1,6}")) {
			return null;
		}
		int value = Integer.parseInt(text.strip());
		return (value >= min && value <= max) ? value : null;
	}

}
