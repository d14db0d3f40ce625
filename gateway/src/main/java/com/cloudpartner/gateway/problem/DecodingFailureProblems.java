package com.cloudpartner.gateway.problem;

import java.nio.charset.StandardCharsets;

import com.cloudpartner.gateway.edge.InboundHeadersFilter;
import com.cloudpartner.support.problem.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Netty refuses before any of the gateway's code runs: request headers above
 * {@code server.max-http-request-header-size} (431), a request line above the initial
 * line limit (414), an unparseable request (400). Reactor Netty answers those with an
 * empty body; this handler, placed right after the HTTP codec, gives them the same
 * problem+json body and stable {@code code} as every other refusal
 * ({@code REQUEST_HEADERS_TOO_LARGE}, {@code URI_TOO_LONG}, {@code BAD_REQUEST}) and the
 * security headers. The connection is still closed after the answer, as Netty decides.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

	private static final String HANDLER = "gateway.decodingFailureProblems";

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, ProblemBodies.INSTANCE);
			}
		});
	}

	/** Replaces the empty body of Netty's own error answers; passes everything else. */
	@ChannelHandler.Sharable
	static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

		static final ProblemBodies INSTANCE = new ProblemBodies();

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof FullHttpResponse response && isNettysOwnRefusal(response)) {
				FullHttpResponse problem = withProblemBody(response);
				response.release();
				ctx.write(problem, promise);
				return;
			}
			ctx.write(msg, promise);
		}

		private static boolean isNettysOwnRefusal(FullHttpResponse response) {
			int status = response.status().code();
			return (status == 431 || status == 414 || status == 400) && response.content().readableBytes() == 0
					&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
		}

		static FullHttpResponse withProblemBody(FullHttpResponse response) {
			int status = response.status().code();
			String json = switch (status) {
				case 431 -> Problems.json(431, "Request Header Fields Too Large", "REQUEST_HEADERS_TOO_LARGE",
						"The request headers are too large.");
				case 414 -> Problems.json(414, "URI Too Long", "URI_TOO_LONG", "The request line is too long.");
				default -> Problems.json(400, "Bad Request", "BAD_REQUEST", "The request is malformed.");
			};
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
					Unpooled.wrappedBuffer(body));
			problem.headers().set(response.headers());
			problem.headers().set(HttpHeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE);
			problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
			if (!problem.headers().contains(HttpHeaderNames.CONNECTION)) {
				problem.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			}
			InboundHeadersFilter.SECURITY_HEADERS.forEach(problem.headers()::set);
			return problem;
		}

	}

}
