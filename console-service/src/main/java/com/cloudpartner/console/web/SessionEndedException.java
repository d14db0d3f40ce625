package com.cloudpartner.console.web;

/**
 * A console page was asked for without a live session (none, expired, or signed out).
 */
public class SessionEndedException extends RuntimeException {

	public SessionEndedException() {
		super("no console session", null, false, false);
	}

}
