package dev.portcullis.adapters.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a server that lets the first request through, then drops its
 * response and closes the connection: the client never learns that the write was committed. Every
 * later connection is relayed unchanged.
 */
final class ResponseDroppingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  ResponseDroppingProxy(URI targetEndpoint) throws IOException {
    this.target = new InetSocketAddress(targetEndpoint.getHost(), targetEndpoint.getPort());
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "response-dropping-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** How many client connections arrived: the first lost its response, the others did not. */
  int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(target.getAddress(), target.getPort());
        boolean dropResponse = connections.incrementAndGet() == 1;
        relay(client.getInputStream(), server.getOutputStream(), client, server);
        if (dropResponse) {
          dropThenClose(server.getInputStream(), client, server);
        } else {
          relay(server.getInputStream(), client.getOutputStream(), client, server);
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void relay(InputStream from, OutputStream to, Socket a, Socket b) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                  to.write(buffer, 0, n);
                  to.flush();
                }
              } catch (IOException ignored) {
                // One side went away; closing both below ends the other pump too.
              }
              closeQuietly(a, b);
            });
    pump.setDaemon(true);
    pump.start();
  }

  private static void dropThenClose(InputStream fromServer, Socket client, Socket server) {
    Thread pump =
        new Thread(
            () -> {
              try {
                fromServer.read(new byte[8192]);
              } catch (IOException ignored) {
                // Nothing to drop.
              }
              closeQuietly(client, server);
            });
    pump.setDaemon(true);
    pump.start();
  }

  private static void closeQuietly(Socket a, Socket b) {
    try {
      a.close();
    } catch (IOException ignored) {
      // Already closed.
    }
    try {
      b.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }
}
