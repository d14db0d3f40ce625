package com.cloudpartner.console.servers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.jobs.JobPasswords;
import com.cloudpartner.console.servers.CustomerServers.Created;
import com.cloudpartner.console.servers.CustomerServers.JobAnswer;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.ApiErrors;
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
 * The forms that change servers. Each is a POST carrying the session's CSRF token
 * (checked before it gets here), answered with a redirect: to the job's page when the API
 * accepted the change, back to the form's page with the API's refusal otherwise.
 */
@Controller
@RequestMapping(path = "/console/servers", produces = MediaType.TEXT_HTML_VALUE)
@ApiResponse(responseCode = "303", description = "To the job's page, or back to the form's page with the refusal")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "403", description = "The form did not carry the session's CSRF token (_csrf)")
@ApiResponse(responseCode = "404", description = "Not a server of the session's customer")
class ServerActionsController {

	private static final Logger log = LoggerFactory.getLogger(ServerActionsController.class);

	private static final Pattern REQUEST_KEY = Pattern.compile("[0-9a-fA-F-]{36}");

	private static final Pattern SKU = Pattern.compile("products/[a-z0-9-]{1,63}/skus/[a-z0-9-]{1,63}");

	private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

	private final CustomerServers servers;

	private final JobPasswords passwords;

	private final ApiErrors errors;

	ServerActionsController(CustomerServers servers, JobPasswords passwords, ApiErrors errors) {
		this.servers = servers;
		this.passwords = passwords;
		this.errors = errors;
	}

	@PostMapping
	@Operation(summary = "Create a server (form)", security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView create(ConsoleUser user, @RequestParam(required = false) String entitlement,
			@RequestParam(required = false) String sku, @RequestParam(required = false) String image,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String requestKey) {
		String name = (displayName != null) ? displayName.strip() : "";
		if (entitlement == null || !entitlement.startsWith(user.customerName() + "/entitlements/") || sku == null
				|| !SKU.matcher(sku).matches() || image == null || !IMAGE.matcher(image).matches()
				|| name.length() > 100) {
			this.errors.holdForNextPage(user.session(), 400, "FORM_INCOMPLETE");
			return seeOther("/console/servers/new");
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("entitlement", entitlement);
		body.put("sku", sku);
		body.put("image", image);
		if (!name.isEmpty()) {
			body.put("displayName", name);
		}
		String key = (requestKey != null && REQUEST_KEY.matcher(requestKey).matches()) ? "console-" + requestKey : null;
		try {
			Created created = this.servers.create(user, body, key);
			if (created.job() == null) {
				throw new UpstreamUnavailableException("entitlement-service created a server without a job");
			}
			return toJob(user, created.job(), created.initialPassword());
		}
		catch (UpstreamRefusedException ex) {
			if (ex.isSuspension()) {
				throw ex;
			}
			// the form's own choices were refused (ENTITLEMENT_NOT_FOUND too): say so on
			// it
			log.info("Console of {}: {}", user.session(), ex.getMessage());
			this.errors.holdForNextPage(user.session(), ex);
			return seeOther("/console/servers/new");
		}
	}

	@PostMapping("/{serverId}/{verb:start|stop|reboot|reset-password}")
	@Operation(summary = "Start, stop or reboot a server, or reset its password (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView act(ConsoleUser user, @PathVariable String serverId, @PathVariable String verb) {
		requireId(serverId);
		try {
			JobAnswer job = this.servers.act(user, serverId, verb, Map.of());
			return toJob(user, job, job.password());
		}
		catch (UpstreamRefusedException ex) {
			return refused(user, ex, "/console/servers/" + serverId);
		}
	}

	@PostMapping("/{serverId}/resize")
	@Operation(summary = "Give a stopped server another SKU (form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView resize(ConsoleUser user, @PathVariable String serverId, @RequestParam(required = false) String sku) {
		requireId(serverId);
		if (sku == null || !SKU.matcher(sku).matches()) {
			this.errors.holdForNextPage(user.session(), 400, "FORM_INCOMPLETE");
			return seeOther("/console/servers/" + serverId);
		}
		try {
			return toJob(user, this.servers.act(user, serverId, "resize", Map.of("sku", sku)), null);
		}
		catch (UpstreamRefusedException ex) {
			return refused(user, ex, "/console/servers/" + serverId);
		}
	}

	@PostMapping("/{serverId}/delete")
	@Operation(summary = "Delete a server (the confirmation form)",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView delete(ConsoleUser user, @PathVariable String serverId,
			@RequestParam(required = false) String confirm) {
		requireId(serverId);
		if (!"yes".equals(confirm)) {
			// only the confirmation page's form deletes
			return seeOther("/console/servers/" + serverId + "/delete");
		}
		try {
			return toJob(user, this.servers.delete(user, serverId), null);
		}
		catch (UpstreamRefusedException ex) {
			return refused(user, ex, "/console/servers/" + serverId);
		}
	}

	private ModelAndView toJob(ConsoleUser user, JobAnswer job, String password) {
		String jobId = (job != null) ? job.id() : null;
		if (!Ids.valid(jobId)) {
			throw new UpstreamUnavailableException("entitlement-service accepted a change without a job");
		}
		this.passwords.hold(user.session(), jobId, password);
		return seeOther("/console/jobs/" + jobId);
	}

	/**
	 * Not found and suspension get their own pages; any other refusal is shown on the
	 * page the form came from.
	 */
	private ModelAndView refused(ConsoleUser user, UpstreamRefusedException ex, String back) {
		if (ex.isNotFound() || ex.isSuspension()) {
			throw ex;
		}
		log.info("Console of {}: {}", user.session(), ex.getMessage());
		this.errors.holdForNextPage(user.session(), ex);
		return seeOther(back);
	}

	private static void requireId(String serverId) {
		if (!Ids.valid(serverId)) {
			throw new UpstreamRefusedException("not a server id", 404, "SERVER_NOT_FOUND");
		}
	}

	static ModelAndView seeOther(String path) {
		return Redirects.seeOther(path);
	}

}
