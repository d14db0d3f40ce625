package com.cloudpartner.gateway.observe;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Writes a log event's message and a newline, nothing else: the access log's lines are
 * complete JSON documents already (see {@link AccessLogFilter}), so no pattern layout
 * runs per request. Used by {@code logback-spring.xml} for {@code gateway.access}.
 */
public class MessageLineEncoder extends EncoderBase<ILoggingEvent> {

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		// a Latin-1 string (the access log's lines are ASCII) encodes without a decoder
		return (event.getFormattedMessage() + '\n').getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
