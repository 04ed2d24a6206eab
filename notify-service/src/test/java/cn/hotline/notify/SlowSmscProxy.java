package cn.hotline.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy between notify and the SMSC simulator that can hold every byte the SMSC sends back for a while
 * (system property {@value #DELAY}, milliseconds; 0 = pass through), like a distant SMSC: responses then take
 * that long, and only a client with several submit_sm in flight keeps its throughput. Order is kept.
 */
final class SlowSmscProxy {

    static final String DELAY = "notify.test.smsc-delay-ms";

    private final int upstreamPort;
    private final int port;
    private volatile ServerSocket server;
    private final AtomicBoolean watching = new AtomicBoolean();

    private SlowSmscProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return socket;
    }

    static SlowSmscProxy start(int upstreamPort) throws IOException {
        SlowSmscProxy proxy = new SlowSmscProxy(upstreamPort);
        daemon("smsc-proxy-accept", proxy::acceptLoop).start();
        return proxy;
    }

    int port() {
        return port;
    }

    private void acceptLoop() {
        while (true) {
            ServerSocket current = server;
            try {
                Socket client = current.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException e) {
                    closeQuietly(client);
                    upstreamMayBeDown();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                daemon("smsc-proxy-up", () -> pump(client, upstream)).start();
                daemon("smsc-proxy-down", () -> {
                    delayedPump(upstream, client);
                    upstreamMayBeDown();
                }).start();
            } catch (IOException e) {
                while (server == current) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }
        }
    }

    /**
     * When the SMSC is down, so is the proxy's listener: a client's bind is then refused at once, as without the
     * proxy, instead of being accepted and left waiting for a bind_resp. It listens again once the SMSC is back.
     */
    private void upstreamMayBeDown() {
        if (!watching.compareAndSet(false, true)) {
            return;
        }
        daemon("smsc-proxy-watch", () -> {
            try {
                if (reachable()) {
                    return;
                }
                try {
                    server.close();
                } catch (IOException e) {
                    // already closed
                }
                while (true) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    if (reachable()) {
                        try {
                            server = listen(port);
                            return;
                        } catch (IOException e) {
                            // port not free yet: try again
                        }
                    }
                }
            } finally {
                watching.set(false);
            }
        }).start();
    }

    private boolean reachable() {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Copies {@code from} → {@code to}, each chunk written {@value #DELAY} ms after it was read, never out of order. */
    private static void delayedPump(Socket from, Socket to) {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> daemon("smsc-proxy-write", r));
        byte[] buffer = new byte[8192];
        long lastDue = 0;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                byte[] chunk = Arrays.copyOf(buffer, n);
                long due = Math.max(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.getLong(DELAY, 0)), lastDue);
                lastDue = due;
                writer.schedule(() -> {
                    try {
                        out.write(chunk);
                        out.flush();
                    } catch (IOException e) {
                        closeQuietly(to);
                    }
                }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            writer.schedule(() -> {
                closeQuietly(from);
                closeQuietly(to);
            }, Math.max(0, lastDue - System.nanoTime()), TimeUnit.NANOSECONDS);
            writer.shutdown();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
