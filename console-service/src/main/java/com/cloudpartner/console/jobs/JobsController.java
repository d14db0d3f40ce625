package com.cloudpartner.console.jobs;

import java.time.ZoneId;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ApiErrors;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The customer's jobs: the page of one job, which follows it until it has finished (a
 * small script of ours polls {@code /progress}; without scripts the page refreshes
 * itself), and the job history.
 */
@Controller
@ApiResponse(responseCode = "200", description = "The page, or the job's progress as JSON")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "404", description = "Not the session customer's, or not there")
@ApiResponse(responseCode = "503", description = "The API did not answer")
class JobsController {

	private final CustomerJobs jobs;

	private final JobPasswords passwords;

	private final ApiErrors errors;

	private final MessageSource messages;

	private final ConsoleProperties properties;

	JobsController(CustomerJobs jobs, JobPasswords passwords, ApiErrors errors, MessageSource messages,
			ConsoleProperties properties) {
		this.jobs = jobs;
		this.passwords = passwords;
		this.errors = errors;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping(path = "/console/jobs", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The end user's job history, newest first; of one of their servers with server={id}",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView history(ConsoleUser user, @RequestParam(required = false) String pageToken,
			@RequestParam(required = false) String server) {
		if (server != null && !Ids.valid(server)) {
			throw new UpstreamRefusedException("not a server id", 404, "SERVER_NOT_FOUND");
		}
		// a server of the session's own customer, whatever the request says
		String resource = (server != null) ? user.customerName() + "/servers/" + server : null;
		CustomerJobs.Page page = this.jobs.list(user, resource, CustomerJobs.PAGE_SIZE,
				(pageToken != null && pageToken.length() <= 500) ? pageToken : null);
		ModelAndView view = user.page("console/jobs/history", HttpStatus.OK);
		view.addObject("server", server);
		view.addObject("jobs", page.jobs().stream().map((job) -> JobView.of(job, user, this.errors, zone())).toList());
		view.addObject("nextPageToken",
				(page.nextPageToken() != null && !page.nextPageToken().isBlank()) ? page.nextPageToken() : null);
		return view;
	}

	@GetMapping(path = "/console/jobs/{jobId}", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "One job, followed until it has finished",
			security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView job(ConsoleUser user, @PathVariable String jobId) {
		JobView job = JobView.of(this.jobs.get(user, requireId(jobId)), user, this.errors, zone());
		ModelAndView view = user.page("console/jobs/job", HttpStatus.OK);
		view.addObject("job", job);
		view.addObject("steps", JobView.STEPS);
		// shown on this page once: a reload no longer has it
		view.addObject("password", this.passwords.take(user.session(), job.id()).orElse(null));
		return view;
	}

	@GetMapping(path = "/console/jobs/{jobId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	@Operation(summary = "How far a job is, for the job page's script",
			security = @SecurityRequirement(name = "consoleSession"))
	Progress progress(ConsoleUser user, @PathVariable String jobId, Locale locale) {
		JobView job = JobView.of(this.jobs.get(user, requireId(jobId)), user, this.errors, zone());
		String stateText = this.messages.getMessage("job.state." + job.state(), null, job.state(), locale);
		String errorText = (job.error() != null) ? this.messages.getMessage(job.error().messageKey(), null, locale)
				: null;
		return new Progress(job.state(), job.done(), job.step(), stateText, job.finishTimeText(), errorText,
				(job.error() != null) ? job.error().code() : null);
	}

	private static String requireId(String jobId) {
		if (!Ids.valid(jobId)) {
			throw new UpstreamRefusedException("not a job id", 404, "JOB_NOT_FOUND");
		}
		return jobId;
	}

	private ZoneId zone() {
		return this.properties.timeZone();
	}

	/**
	 * How far a job is.
	 *
	 * @param state QUEUED, RUNNING, SUCCEEDED or FAILED
	 * @param done whether it has finished
	 * @param step 1 queued, 2 running, 3 finished
	 * @param stateText the state in the user's language
	 * @param finishTimeText when it finished, as the page shows it; empty until then
	 * @param errorText why it failed, in the user's language
	 * @param errorCode the API's code of the failure, as the page shows it
	 */
	record Progress(String state, boolean done, int step, String stateText, String finishTimeText, String errorText,
			String errorCode) {

	}

}
