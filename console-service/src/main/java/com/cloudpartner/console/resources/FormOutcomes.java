package com.cloudpartner.console.resources;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.resources.CustomerResources.JobRef;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.ApiErrors;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;
import com.cloudpartner.console.web.Redirects;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where a form of the resource pages leads (decision 0008): to its job's page when the
 * API accepted the change; not found and suspension to their own pages; any other refusal
 * back to the form's page, which shows it once.
 */
@Component
class FormOutcomes {

	private static final Logger log = LoggerFactory.getLogger(FormOutcomes.class);

	private final ApiErrors errors;

	FormOutcomes(ApiErrors errors) {
		this.errors = errors;
	}

	ModelAndView run(ConsoleUser user, String back, Supplier<JobRef> change) {
		JobRef job;
		try {
			job = change.get();
		}
		catch (UpstreamRefusedException ex) {
			if (ex.isNotFound() || ex.isSuspension()) {
				throw ex;
			}
			log.info("Console of {}: {}", user.session(), ex.getMessage());
			this.errors.holdForNextPage(user.session(), ex);
			return Redirects.seeOther(back);
		}
		if (job == null || !Ids.valid(job.id())) {
			throw new UpstreamUnavailableException("entitlement-service accepted a change without a job");
		}
		return Redirects.seeOther("/console/jobs/" + job.id());
	}

	/** A form the console could not send as it was filled in. */
	ModelAndView incomplete(ConsoleUser user, String back) {
		this.errors.holdForNextPage(user.session(), 400, "FORM_INCOMPLETE");
		return Redirects.seeOther(back);
	}

	static void requireId(String id) {
		if (!Ids.valid(id)) {
			throw new UpstreamRefusedException("not a resource id", 404, "NOT_FOUND");
		}
	}

}
