package cn.hotline.smsc;

/**
 * Where the simulator listens and whom it lets bind. A null {@code systemId} accepts any bind;
 * port 0 picks a free port. {@code serviceNumber} is the address mobile-originated messages are sent to.
 */
public record SimulatorConfig(String host, int smppPort, int httpPort, String systemId, String password,
        String serviceNumber) {

    public static final int DEFAULT_SMPP_PORT = 2775;
    public static final int DEFAULT_HTTP_PORT = 2776;

    /** The local-stack defaults: 127.0.0.1:2775 and :2776, any bind accepted. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig("127.0.0.1", DEFAULT_SMPP_PORT, DEFAULT_HTTP_PORT, null, null, "12345");
    }

    /** Free ports on the loopback interface, for tests. */
    public static SimulatorConfig randomPorts() {
        return new SimulatorConfig("127.0.0.1", 0, 0, null, null, "12345");
    }

    public SimulatorConfig withCredentials(String newSystemId, String newPassword) {
        return new SimulatorConfig(host, smppPort, httpPort, newSystemId, newPassword, serviceNumber);
    }
}
