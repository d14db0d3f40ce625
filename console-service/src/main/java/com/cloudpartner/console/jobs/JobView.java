package com.cloudpartner.console.jobs;

import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudpartner.console.jobs.CustomerJobs.Job;
import com.cloudpartner.console.web.ApiErrors;
import com.cloudpartner.console.web.ApiErrors.Refusal;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;
import com.cloudpartner.console.web.Times;

/**
 * A job as the console shows it: its step (queued 1, running 2, finished 3), the server
 * it changes (when it is one of the customer's servers) and why it failed.
 *
 * @param serverId the id of the server the job changes, or null when it changes something
 * else
 */
record JobView(String id, String type, String state, boolean done, int step, String target, String targetLabel,
		String serverId, String createTime, String createTimeText, String finishTimeText, Refusal error,
		String resourcePath) {

	private static final Pattern OTHER_RESOURCE = Pattern
		.compile("(disks|snapshots|images|public-ips|load-balancers|buckets)/([A-Za-z0-9][A-Za-z0-9_-]{0,99})");

	private static final Pattern FIREWALL_RULE = Pattern
		.compile("servers/([A-Za-z0-9][A-Za-z0-9_-]{0,99})/firewall-rules/[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

	static final int STEPS = 3;

	static JobView of(Job job, ConsoleUser user, ApiErrors errors, ZoneId zone) {
		String state = (job.state() != null) ? job.state() : "";
		boolean done = state.equals("SUCCEEDED") || state.equals("FAILED");
		int step = done ? 3 : state.equals("RUNNING") ? 2 : 1;
		String target = (job.target() != null) ? job.target() : "";
		String serversPrefix = user.customerName() + "/servers/";
		String serverId = null;
		if (target.startsWith(serversPrefix) && Ids.valid(target.substring(serversPrefix.length()))) {
			serverId = target.substring(serversPrefix.length());
		}
		Refusal error = state.equals("FAILED") ? errors.jobError((job.error() != null) ? job.error().code() : null)
				: null;
		return new JobView(job.id(), (job.type() != null) ? job.type() : "", state, done, step, target,
				Ids.lastSegment(target), serverId, (job.createTime() != null) ? job.createTime() : "",
				Times.localWithSeconds(job.createTime(), zone), Times.localWithSeconds(job.finishTime(), zone), error,
				resourcePath(target, user, state.equals("SUCCEEDED") && job.type() != null
						&& job.type().startsWith("DELETE_") && !job.type().equals("DELETE_FIREWALL_RULE")));
	}

	/**
	 * The console page of the resource a job changes, other than a server: a disk, ...,
	 * or a server's firewall rules; null when it is not the customer's or no longer
	 * there.
	 */
	private static String resourcePath(String target, ConsoleUser user, boolean deleted) {
		String prefix = user.customerName() + "/";
		if (deleted || !target.startsWith(prefix)) {
			return null;
		}
		String rest = target.substring(prefix.length());
		Matcher m = OTHER_RESOURCE.matcher(rest);
		if (m.matches()) {
			return "/console/resources/" + m.group(1) + "/" + m.group(2);
		}
		m = FIREWALL_RULE.matcher(rest);
		return m.matches() ? "/console/servers/" + m.group(1) + "/firewall-rules" : null;
	}

	/**
	 * Whether the job removed its server, so that there is no server page to go back to.
	 */
	public boolean deletedItsServer() {
		return "DELETE_SERVER".equals(this.type) && "SUCCEEDED".equals(this.state);
	}

}
