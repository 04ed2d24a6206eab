package cn.hotline.events;

/** A record that is not a well-formed CloudEvent of this suite; consumers skip it and log why. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
