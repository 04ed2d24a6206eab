package cn.hotline.smsc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/** Listens on one host address only (127.0.0.1 by default) and remembers the port actually bound. */
final class LoopbackServerConnectionFactory implements ServerConnectionFactory {

    private final String host;
    private volatile ServerSocket socket;

    LoopbackServerConnectionFactory(String host) {
        this.host = host;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        // A restarted simulator must get its port back at once although old connections linger in TIME_WAIT.
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(host, port), backlog);
        server.setSoTimeout(timeout);
        socket = server;
        return new ServerSocketConnection(server);
    }

    int boundPort() {
        return socket == null ? -1 : socket.getLocalPort();
    }
}
