package cn.hotline.notify.gateway;

/** A gateway did not take the message: {@code unavailable} (link down, nothing sent) or rejected by it. */
public class GatewayException extends RuntimeException {

    private final boolean unavailable;

    public GatewayException(String message, boolean unavailable) {
        super(message);
        this.unavailable = unavailable;
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
        this.unavailable = false;
    }

    public boolean unavailable() {
        return unavailable;
    }
}
