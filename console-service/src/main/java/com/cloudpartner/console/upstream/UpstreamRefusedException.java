package com.cloudpartner.console.upstream;

/**
 * Another service refused a request of the console (a 4xx answer): the status and the
 * problem's stable {@code code}, never its text, which is for developers and in English.
 */
public class UpstreamRefusedException extends RuntimeException {

	private final int status;

	private final String code;

	public UpstreamRefusedException(String what, int status, String code) {
		super(what + ": " + status + " " + code, null, false, false);
		this.status = status;
		this.code = code;
	}

	public int status() {
		return this.status;
	}

	/** The problem's code, or {@code UNKNOWN} when the answer carried none. */
	public String code() {
		return this.code;
	}

	/**
	 * The thing asked for is not there for this customer: 404, or a 403 that says it
	 * belongs to someone else. The console shows both as "not found".
	 */
	public boolean isNotFound() {
		return this.status == 404 || (this.status == 403 && !isSuspension());
	}

	public boolean isSuspension() {
		return this.status == 403 && "PARTNER_SUSPENDED".equals(this.code);
	}

}
