package com.bazaar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One client connection carries hundreds of requests: Tomcat's default closes it after 100,
 * and a busy node's reconnecting clients overflowed its accept queue (1 s SYN retransmits).
 */
class KeepAliveTest extends ApiTest {

  @Test
  void aConnectionStaysOpenPastTomcatsDefaultOfOneHundredRequests() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      for (int i = 1; i <= 150; i++) {
        out.write(("GET /api/categories HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Response response = Response.read(in);
        assertThat(response.status()).as("request %d", i).isEqualTo(200);
        assertThat(response.closes()).as("request %d closed the connection", i).isFalse();
      }
    }
  }

  private record Response(int status, boolean closes) {
    /** Reads one answer: status line, headers, then a fixed-length or chunked body. */
    static Response read(BufferedReader in) throws Exception {
      int status = Integer.parseInt(in.readLine().split(" ")[1]);
      boolean closes = false;
      int length = -1;
      boolean chunked = false;
      for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
        String header = line.toLowerCase();
        closes |= header.equals("connection: close");
        chunked |= header.equals("transfer-encoding: chunked");
        if (header.startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      }
      if (chunked) {
        for (int size = Integer.parseInt(in.readLine().trim(), 16); size > 0; size = Integer.parseInt(in.readLine().trim(), 16)) {
          in.skip(size);
          in.readLine();
        }
        in.readLine();
      } else {
        in.skip(length);
      }
      return new Response(status, closes);
    }
  }
}
