package com.bazaar.support;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

/**
 * Counts the commands MariaDB Connector/J sends, at the socket: every MySQL-protocol packet that
 * starts a command (sequence number 0) is one command, and each command but a statement close or
 * a quit waits for the server's answer — one round trip. Named in a JDBC URL
 * ({@code socketFactory=com.bazaar.support.CommandCountingSocketFactory}); while {@link #start}ed
 * it records each command with the thread that sent it, what sent it (a request thread, an outbox
 * delivery, anything else) and, for a text query, the SQL. Exact and independent of timing: a
 * count of what the driver wrote, not of what the JDBC calls were expected to cost.
 */
public final class CommandCountingSocketFactory extends ConfigurableSocketFactory {
  private static final ConcurrentLinkedQueue<Command> RECORDED = new ConcurrentLinkedQueue<>();
  private static volatile boolean recording;

  /** Who sent a command. */
  public enum Sender {
    /** A thread answering an HTTP request. */
    REQUEST,
    /** The embedded bus delivering an outbox publication, after the commit that recorded it. */
    DELIVERY,
    /** Anything else: the pool's own threads, the test's thread, scheduled jobs. */
    OTHER
  }

  /** One command: its first byte names it (3 = text query, 14 = ping, …). */
  public record Command(Sender sender, String thread, int type, String sql) {
    /** Whether the driver waits for an answer: all commands but statement close (25) and quit (1). */
    public boolean isRoundTrip() {
      return type != 25 && type != 1;
    }

    public boolean isPing() {
      return type == 14;
    }

    /** The command as a reader names it: the SQL of a text query, else the command's type. */
    public String label() {
      return switch (type) {
        case 3 -> sql;
        case 14 -> "(ping)";
        case 22 -> "(prepare) " + sql;
        case 23 -> "(execute prepared)";
        default -> "(command " + type + ")";
      };
    }
  }

  public static void start() {
    RECORDED.clear();
    recording = true;
  }

  /** Stops recording; the commands recorded since {@link #start}. */
  public static List<Command> stop() {
    recording = false;
    return List.copyOf(RECORDED);
  }

  @Override
  public void setConfiguration(Configuration configuration, String host) {}

  @Override
  public Socket createSocket() {
    return new CountingSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  private static final class CountingSocket extends Socket {
    private OutputStream counting;

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (counting == null) {
        counting = new PacketStream(super.getOutputStream());
      }
      return counting;
    }
  }

  /**
   * Follows the packets of the client's stream: a 4-byte header (3 bytes of payload length, little
   * endian, and the sequence number), then the payload. A packet with sequence number 0 is a new
   * command; its first payload byte is the command's type, a text query's SQL follows.
   */
  private static final class PacketStream extends FilterOutputStream {
    private static final int SQL_SHOWN = 160;

    private final byte[] header = new byte[4];
    private int headerRead;
    private int payloadLeft;
    private boolean command;
    private final byte[] start = new byte[SQL_SHOWN + 1];
    private int startRead;

    PacketStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      follow(new byte[] {(byte) b}, 0, 1);
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      follow(bytes, offset, length);
      out.write(bytes, offset, length);
    }

    private void follow(byte[] bytes, int offset, int length) {
      int at = offset;
      int end = offset + length;
      while (at < end) {
        if (payloadLeft == 0) {
          header[headerRead++] = bytes[at++];
          if (headerRead == 4) {
            headerRead = 0;
            payloadLeft = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            command = header[3] == 0;
            startRead = 0;
            if (payloadLeft == 0 && command) {
              finishCommand();
            }
          }
          continue;
        }
        int taken = Math.min(payloadLeft, end - at);
        if (command && startRead < start.length) {
          int copied = Math.min(taken, start.length - startRead);
          System.arraycopy(bytes, at, start, startRead, copied);
          startRead += copied;
        }
        at += taken;
        payloadLeft -= taken;
        if (payloadLeft == 0 && command) {
          finishCommand();
        }
      }
    }

    private void finishCommand() {
      command = false;
      if (!recording || startRead == 0) {
        return;
      }
      int type = start[0] & 0xff;
      String sql = new String(start, 1, startRead - 1, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
      Thread thread = Thread.currentThread();
      RECORDED.add(new Command(senderOf(thread), thread.getName(), type, sql));
    }

    private static Sender senderOf(Thread thread) {
      boolean delivery = StackWalker.getInstance().walk(frames -> frames
          .anyMatch(frame -> frame.getClassName().equals("com.bazaar.platform.events.InProcessSubscriber")));
      if (delivery) {
        return Sender.DELIVERY;
      }
      return thread.getName().startsWith("http-nio") ? Sender.REQUEST : Sender.OTHER;
    }
  }
}
