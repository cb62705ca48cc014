package io.cachet.dashboard;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cachet.DashboardTest;
import io.cachet.TestUsers;
import io.cachet.api.RawHttp;
import io.cachet.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Uploads are limited to 1 MB except the backup import: before, 64 MB applied to every
 * form, the unauthenticated login and subscribe forms included.
 */
@DashboardTest
class MultipartLimitIntegrationTests {

	private static final String BOUNDARY = "----limit";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Test
	void aTwoMegabyteUploadToThePublicFormsIsRefusedAtOnce() throws IOException {
		TestUsers.ensureSetUp(this.users);
		byte[] body = multipart(2 * 1024 * 1024);
		for (String path : new String[] { "/auth/login", "/subscribe" }) {
			RawHttp.Response answer = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> RawHttp.send(this.port,
					"POST", path, Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY), body));

			assertThat(answer.status()).as(path).isEqualTo(413);
		}
	}

	@Test
	void aChunkedUploadWithoutALengthIsStoppedAtTheLimitToo() throws IOException {
		TestUsers.ensureSetUp(this.users);
		byte[] body = multipart(2 * 1024 * 1024);
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("POST /auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		for (int offset = 0; offset < body.length; offset += 64 * 1024) {
			int length = Math.min(64 * 1024, body.length - offset);
			request.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			request.write(body, offset, length);
			request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

		RawHttp.Response answer = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> RawHttp.sendRaw(this.port, request.toByteArray()));

		assertThat(answer.status()).isEqualTo(413);
	}

	@Test
	void theBackupImportStillTakesALargeFile() {
		String name = "uploader" + System.nanoTime();
		this.users.createUser(TestUsers.admin(name));
		FormClient admin = FormClient.loggedIn(this.port, name, "correct horse battery");
		admin.get("/dashboard/settings/backup");
		byte[] large = ("{\"format\":\"something else\",\"padding\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		var answer = admin.postFile("/dashboard/settings/backup", "file", "backup.json", large);

		// the file reached the import, which read it and said why it took nothing
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).containsAnyOf("not a Cachet backup", "not empty");
	}

	@Test
	void theBackupRouteOnItsOwnServletKeepsItsSecurity() {
		String name = "member" + System.nanoTime();
		this.users.createUser(TestUsers.user(name));
		FormClient member = FormClient.loggedIn(this.port, name, "correct horse battery");
		member.get("/dashboard");

		assertThat(member.get("/dashboard/settings/backup").statusCode()).isEqualTo(403);
		assertThat(member.postFile("/dashboard/settings/backup", "file", "backup.json", new byte[10]).statusCode())
			.isEqualTo(403);
		FormClient guest = new FormClient(this.port);
		assertThat(FormClient.location(guest.get("/dashboard/settings/backup"))).endsWith("/auth/login");
	}

	@Test
	void aGuestCannotMakeTheServerReadALargeBackupUpload() throws IOException {
		// 50 MB announced, a few bytes sent: an answer that comes at once proves that
		// nothing waited for, or parsed, the body (the CSRF check would have)
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /dashboard/settings/backup HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
					+ (50 * 1024 * 1024) + "\r\n\r\n--" + BOUNDARY + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
				.readLine();

			assertThat(statusLine).startsWith("HTTP/1.1 302");
		}
	}

	private static byte[] multipart(int size) {
		String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nadmin\r\n--"
				+ BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + BOUNDARY + "--\r\n";
		ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
		out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(new byte[size]);
		out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

}
