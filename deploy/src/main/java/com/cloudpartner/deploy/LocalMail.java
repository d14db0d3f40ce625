package com.cloudpartner.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An embedded SMTP server (GreenMail) for the local run: every mail the services send is
 * accepted and written as an {@code .eml} file under {@code <data>/mail}, so that a
 * developer reads sign-up and approval mails with any mail program or a text editor.
 */
final class LocalMail implements AutoCloseable {

	private final GreenMail server;

	private final Path folder;

	private final ScheduledExecutorService exporter = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "local-mail-export");
		thread.setDaemon(true);
		return thread;
	});

	private int exported;

	private LocalMail(GreenMail server, Path folder) {
		this.server = server;
		this.folder = folder;
	}

	static LocalMail start(LocalRunSettings settings) throws IOException {
		Path folder = settings.dataDir().resolve("mail");
		Files.createDirectories(folder);
		GreenMail server = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		LocalMail mail = new LocalMail(server, folder);
		mail.exporter.scheduleWithFixedDelay(mail::export, 1, 1, TimeUnit.SECONDS);
		return mail;
	}

	private synchronized void export() {
		MimeMessage[] messages = this.server.getReceivedMessages();
		for (; this.exported < messages.length; this.exported++) {
			MimeMessage message = messages[this.exported];
			try {
				String name = String.format("%d-%03d.eml", System.currentTimeMillis(), this.exported);
				try (OutputStream out = Files.newOutputStream(this.folder.resolve(name))) {
					message.writeTo(out);
				}
			}
			catch (IOException | MessagingException ex) {
				System.err.println("Could not save a local mail: " + ex.getMessage());
			}
		}
	}

	Path folder() {
		return this.folder;
	}

	@Override
	public void close() {
		this.exporter.shutdown();
		export();
		this.server.stop();
	}

}
