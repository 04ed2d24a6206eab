package cn.hotline.police;

import java.nio.file.Path;

/**
 * Where the stand-in listens and where it keeps what it received. Port 0 picks a free port; a null
 * {@code dataFile} keeps everything in memory only (tests), a file survives a restart of the receiver.
 */
public record ReceiverConfig(String host, int port, Path dataFile) {

    /** The port the architecture contract names for the local stand-in 110 receiver. */
    public static final int DEFAULT_PORT = 2778;

    /** The local-stack default: 127.0.0.1:2778, in memory. */
    public static ReceiverConfig defaults() {
        return new ReceiverConfig("127.0.0.1", DEFAULT_PORT, null);
    }

    /** A free port on the loopback interface, in memory, for tests. */
    public static ReceiverConfig randomPort() {
        return new ReceiverConfig("127.0.0.1", 0, null);
    }

    public ReceiverConfig withPort(int newPort) {
        return new ReceiverConfig(host, newPort, dataFile);
    }

    public ReceiverConfig withDataFile(Path file) {
        return new ReceiverConfig(host, port, file);
    }
}
