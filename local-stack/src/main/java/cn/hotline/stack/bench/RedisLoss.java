package cn.hotline.stack.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a shared Redis restarted without its data looks like to the services: their connections dropped and
 * their databases empty. Speaks just enough RESP for that.
 */
final class RedisLoss {

    private RedisLoss() {
    }

    /** Kills the connections of clients on {@code dbs}, then empties those databases (FLUSHDB). */
    static void inflict(String host, int port, Set<String> dbs) throws Exception {
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String clients = bulk(command(out, in, "CLIENT", "LIST"));
            int killed = 0;
            for (String client : clients.split("\n")) {
                Map<String, String> fields = new HashMap<>();
                for (String field : client.trim().split(" ")) {
                    int eq = field.indexOf('=');
                    if (eq > 0) {
                        fields.put(field.substring(0, eq), field.substring(eq + 1));
                    }
                }
                if (dbs.contains(fields.get("db")) && !"client list".equals(fields.get("cmd"))) {
                    command(out, in, "CLIENT", "KILL", "ID", fields.get("id"));
                    killed++;
                }
            }
            for (String db : dbs) {
                command(out, in, "SELECT", db);
                command(out, in, "FLUSHDB");
            }
            System.out.printf("Redis %s:%d: dropped %d client connections, emptied databases %s%n", host, port, killed, dbs);
        }
    }

    private static String command(OutputStream out, BufferedReader in, String... parts) throws Exception {
        StringBuilder request = new StringBuilder("*" + parts.length + "\r\n");
        for (String part : parts) {
            request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        String line = in.readLine();
        if (line.startsWith("-")) {
            throw new IllegalStateException("Redis " + parts[0] + ": " + line);
        }
        if (line.startsWith("$")) {
            int length = Integer.parseInt(line.substring(1));
            if (length < 0) {
                return line;
            }
            char[] body = new char[length];
            int read = 0;
            // CLIENT LIST is ASCII, so characters and bytes count alike.
            while (read < length) {
                read += in.read(body, read, length - read);
            }
            in.readLine();
            return "$" + new String(body);
        }
        return line;
    }

    private static String bulk(String reply) {
        return reply.startsWith("$") ? reply.substring(1) : reply;
    }
}
