package com.cloudpartner.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident memory of the processes the local run started, read from /proc (Linux only).
 */
final class Memory {

	private Memory() {
	}

	static long totalRssMegabytes(List<Long> pids) {
		long kilobytes = 0;
		for (long pid : pids) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
					if (line.startsWith("VmRSS:")) {
						kilobytes += Long.parseLong(line.replaceAll("[^0-9]", ""));
					}
				}
			}
			catch (IOException | NumberFormatException ex) {
				// not Linux, or the process is gone: count nothing for it
			}
		}
		return kilobytes / 1024;
	}

}
